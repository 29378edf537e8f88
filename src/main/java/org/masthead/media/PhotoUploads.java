package org.masthead.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Takes an uploaded photo: checks it by its bytes (type, size, pixel count before decoding, a full
 * decode), stores the original unchanged under its SHA-256 and records it. The same bytes twice
 * give the same photo. A refused upload leaves no row and no file.
 */
public final class PhotoUploads {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final MediaStore store;
    private final BlobStore blobs;
    private final long maxBytes;
    private final long maxPixels;
    private final Clock clock;

    private static final int VALIDATE_SIDE = 1024;
    private final DecodeBudget budget;

    public PhotoUploads(MediaStore store, BlobStore blobs, long maxBytes, long maxPixels, DecodeBudget budget, Clock clock) {
        this.budget = budget;
        this.store = store;
        this.blobs = blobs;
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
        this.clock = clock;
    }

    public long maxBytes() { return maxBytes; }

    private final java.util.List<Runnable> onStored = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Runs after a new photo is stored (the rendition job listens). */
    public void onStored(Runnable listener) { onStored.add(listener); }

    private final java.util.List<java.util.function.LongConsumer> onNew = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Who hears a new photo's id once its row is written (the search index, through the article event's log). */
    public void onNew(java.util.function.LongConsumer listener) { onNew.add(listener); }

    /** A stored photo, and whether these bytes were in the library already (then nothing about it changed). */
    public record Stored(Photo photo, boolean existed) {}

    /** As {@link #store}, for callers that need only the photo. */
    public Photo upload(byte[] bytes, PhotoText typed, Long userId) { return store(bytes, typed, userId).photo(); }

    /**
     * Stores a new photo, its library text being what the uploader typed with the file's metadata
     * filling the blanks. Bytes already in the library return that photo unchanged: an upload never
     * rewrites the library's words (editors do that on the photo's page).
     */
    public Stored store(byte[] bytes, PhotoText typed, Long userId) {
        var text = typed;
        if (bytes.length == 0) throw new UploadRejected(400, "The file is empty.");
        if (bytes.length > maxBytes) {
            throw new UploadRejected(413, "The file is " + megabytes(bytes.length) + " MB; the limit is " + megabytes(maxBytes) + " MB.");
        }
        var format = PhotoFormat.sniff(bytes).orElseThrow(() ->
            new UploadRejected(415, "This file is not a JPEG, PNG, WebP or GIF image (checked by its content, not its name)."));
        if (format == PhotoFormat.PNG && !PngChunks.intact(bytes)) throw damaged();
        var sha = sha256(bytes);
        var existing = store.findBySha(sha); // before decoding: a known file costs no pixels
        if (existing.isPresent()) return new Stored(existing.get(), true);
        var size = dimensions(bytes, format);
        var metadata = MetadataReader.read(bytes);
        if (metadata.orientation() >= 5 && metadata.orientation() <= 8) size = new int[] {size[1], size[0]}; // shown turned
        text = withDefaults(text, metadata.suggestedText());
        var key = "originals/" + sha.substring(0, 2) + "/" + sha + "." + format.extension();
        try {
            blobs.put(key, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store photo", e);
        }
        long id;
        try {
            id = store.insert(sha, key, format, size[0], size[1], bytes.length, text, json(metadata), userId, clock.millis());
        } catch (RuntimeException e) {
            try {
                blobs.delete(key);
            } catch (IOException ignored) {
                // the row was not written; a stray original is harmless and overwritten on retry
            }
            throw e;
        }
        onStored.forEach(Runnable::run); // after the row is written: a listener's failure never takes the stored original away
        onNew.forEach(l -> l.accept(id));
        return new Stored(store.find(id).orElseThrow(), false);
    }

    public java.util.Optional<Photo> find(long photoId) { return store.find(photoId); }

    /** What the file said at upload (IPTC/XMP/EXIF), as stored; empty when unreadable. */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> sourceMetadata(long photoId) {
        try {
            return JSON.readValue(store.sourceMetadata(photoId), java.util.Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return java.util.Map.of();
        }
    }

    /** Width and height from the header, refusing decompression bombs before decoding, then a (subsampled, budgeted) full decode. */
    private int[] dimensions(byte[] bytes, PhotoFormat format) {
        int w;
        int h;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw damaged();
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                w = reader.getWidth(0);
                h = reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw damaged();
        }
        if (w <= 0 || h <= 0) throw damaged();
        if ((long) w * h > maxPixels) {
            throw new UploadRejected(413, "The image is " + w + "×" + h + " pixels; the limit is " + maxPixels + " pixels.");
        }
        try {
            // Every byte is decoded (a truncated file is caught), but at most VALIDATE_SIDE pixels on the long side are kept.
            budget.decode(bytes, VALIDATE_SIDE);
        } catch (UploadRejected r) {
            throw r;
        } catch (IOException | RuntimeException e) {
            throw damaged();
        }
        return new int[] {w, h};
    }

    private static UploadRejected damaged() {
        return new UploadRejected(400, "The image is damaged or incomplete and cannot be read.");
    }

    /** What the uploader typed wins; what the file says fills the blanks. */
    static PhotoText withDefaults(PhotoText typed, PhotoText fromFile) {
        return new PhotoText(pick(typed.caption(), fromFile.caption()), pick(typed.credit(), fromFile.credit()),
            pick(typed.creator(), fromFile.creator()), pick(typed.copyright(), fromFile.copyright()),
            pick(typed.altText(), fromFile.altText()), pick(typed.title(), fromFile.title()));
    }

    private static String json(PhotoMetadata metadata) {
        try {
            return JSON.writeValueAsString(metadata.asMap());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pick(String fresh, String old) { return fresh.isBlank() ? old : fresh; }

    private static String megabytes(long bytes) { return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0); }

    static String sha256(byte[] bytes) { return org.masthead.http.Digests.sha256Hex(bytes); }
}
