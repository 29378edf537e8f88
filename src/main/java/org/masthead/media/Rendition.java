package org.masthead.media;

/** One derived image of a photo: a width, and optionally a crop to 16:9 or 1:1 around the focal point. */
public record Rendition(Crop crop, int width, int height, String focalTag) {
    public enum Crop { NONE, WIDE, SQUARE }

    /** The file name inside the photo's rendition folder: w640.jpg, wide-w1280-f50x50.jpg, square-w320-f50x50.jpg. */
    public String name() {
        return switch (crop) {
            case NONE -> plainName(width);
            case WIDE -> cropName("wide", width, focalTag);
            case SQUARE -> cropName("square", width, focalTag);
        };
    }

    /** The one grammar of rendition names: a plain width ("w640.jpg"). */
    public static String plainName(int width) { return "w" + width + ".jpg"; }

    /** ... and a crop ("wide-w1280-f50x50.jpg"): {@code kind} is wide or square, the focal point in the name. */
    public static String cropName(String kind, int width, String focalTag) { return kind + "-w" + width + "-" + focalTag + ".jpg"; }
}
