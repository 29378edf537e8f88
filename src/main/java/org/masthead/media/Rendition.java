package org.masthead.media;

/** One derived image of a photo: a width, and optionally a crop to 16:9 or 1:1 around the focal point. */
public record Rendition(Crop crop, int width, int height, String focalTag) {
    public enum Crop { NONE, WIDE, SQUARE }

    /** The file name inside the photo's rendition folder: w640.jpg, wide-w1280-f50x50.jpg, square-w320-f50x50.jpg. */
    public String name() {
        return switch (crop) {
            case NONE -> "w" + width + ".jpg";
            case WIDE -> "wide-w" + width + "-" + focalTag + ".jpg";
            case SQUARE -> "square-w" + width + "-" + focalTag + ".jpg";
        };
    }
}
