package org.masthead.media;

/** An upload we refuse, with the HTTP status and a message the uploader can act on. */
public final class UploadRejected extends RuntimeException {
    private final int status;

    public UploadRejected(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() { return status; }
}
