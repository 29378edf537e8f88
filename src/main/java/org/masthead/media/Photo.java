package org.masthead.media;

/** A stored photo with the metadata readers see; {@code file} is its immutable public file name. */
public record Photo(long id, String sha256, String mime, int width, int height, String caption, String credit,
                    String creator, String copyright, String altText, String title) {
    public String file() { return sha256 + "." + PhotoFormat.fromMime(mime).extension(); }
    public String url() { return "/media/" + file(); }
}
