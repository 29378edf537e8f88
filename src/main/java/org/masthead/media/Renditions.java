package org.masthead.media;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.options.PropertyOptions;
import com.adobe.internal.xmp.options.SerializeOptions;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.metadata.IIOMetadataNode;

/**
 * Responsive renditions: JPEGs at the configured widths (never upscaled) plus 16:9 and 1:1 crops
 * around the editor's focal point. Each carries the photo's caption, credit, creator, copyright,
 * headline and alt text as XMP (APP1), so a downloaded rendition still says whose photo it is.
 * WebP output waits for a kept pure-Java encoder (TwelveMonkeys reads WebP but does not write it).
 * Files are derived: deleting them is safe, they are made again on request or by the job.
 */
public final class Renditions {
    static final List<Integer> WIDE_WIDTHS = List.of(640, 1280);
    static final List<Integer> SQUARE_WIDTHS = List.of(320, 640);
    private static final float QUALITY = 0.85f;

    private final MediaStore store;
    private final BlobStore blobs;
    private final List<Integer> widths;

    private DecodeBudget budget = DecodeBudget.ofHeap();

    /** Decodes share this budget with uploads (set by app). */
    public Renditions decodingWithin(DecodeBudget budget) {
        this.budget = budget;
        return this;
    }

    public Renditions(MediaStore store, BlobStore blobs, List<Integer> widths) {
        this.store = store;
        this.blobs = blobs;
        this.widths = List.copyOf(widths);
    }

    public List<Integer> widths() { return widths; }

    static String key(String sha, String name) { return "renditions/" + sha.substring(0, 2) + "/" + sha + "/" + name; }

    /** The plain widths a photo gets: the configured ones below its own, plus its own when it is below the largest. */
    static List<Integer> widthsFor(int photoWidth, List<Integer> widths) {
        var out = new ArrayList<Integer>();
        for (int w : widths) if (w < photoWidth) out.add(w);
        if (widths.stream().anyMatch(w -> w >= photoWidth)) out.add(photoWidth);
        return out;
    }

    /** Every rendition this photo should have (never wider than the photo). */
    public List<Rendition> wanted(Photo photo) {
        int photoWidth = photo.width();
        int photoHeight = photo.height();
        var focal = photo.focalTag();
        var out = new ArrayList<Rendition>();
        for (int w : widthsFor(photoWidth, widths)) out.add(new Rendition(Rendition.Crop.NONE, w, Math.max(1, Math.round((float) photoHeight * w / photoWidth)), ""));
        int wideMax = Math.min(photoWidth, photoHeight * 16 / 9);
        for (int w : WIDE_WIDTHS) if (w <= wideMax) out.add(new Rendition(Rendition.Crop.WIDE, w, w * 9 / 16, focal));
        int squareMax = Math.min(photoWidth, photoHeight);
        for (int w : SQUARE_WIDTHS) if (w <= squareMax) out.add(new Rendition(Rendition.Crop.SQUARE, w, w, focal));
        return out;
    }

    /** A rendition's bytes, made now if it does not exist yet; empty when the photo or the name is unknown. */
    public Optional<byte[]> get(String sha, String name) throws IOException {
        // The name is checked against the photo as it is now, before any file is served: a crop made
        // for an old focal point (say by a job that was still running when it moved) is never served.
        var source = store.findSource(sha);
        if (source.isEmpty()) return Optional.empty();
        var spec = wanted(source.get().photo()).stream().filter(r -> r.name().equals(name)).findFirst();
        if (spec.isEmpty()) return Optional.empty();
        var existing = blobs.get(key(sha, name));
        if (existing.isPresent()) return existing;
        var original = blobs.get(source.get().path()).orElseThrow(() -> new IOException("original missing for " + sha));
        var image = decode(original, largest(source.get().photo()));
        var bytes = render(image, spec.get(), source.get());
        blobs.put(key(sha, name), bytes);
        return Optional.of(bytes);
    }

    /**
     * The rendition to send instead of {@code name} when the photo has no such rendition (a 400 px
     * photo asked for w640.jpg, a crop made around an old focal point): the widest of the same kind
     * that exists and is no wider, else the narrowest of that kind, else the widest plain width.
     * Empty when the photo is unknown. So no rendition URL we ever printed answers 404.
     */
    public Optional<String> nearest(String sha, String name) {
        var source = store.findSource(sha);
        if (source.isEmpty()) return Optional.empty();
        var wanted = wanted(source.get().photo());
        if (wanted.stream().anyMatch(r -> r.name().equals(name))) return Optional.of(name);
        var kind = name.startsWith("wide-") ? Rendition.Crop.WIDE : name.startsWith("square-") ? Rendition.Crop.SQUARE : Rendition.Crop.NONE;
        var m = java.util.regex.Pattern.compile("w([0-9]{2,5})").matcher(name);
        int asked = m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
        var same = wanted.stream().filter(r -> r.crop() == kind).toList();
        var pool = same.isEmpty() ? wanted.stream().filter(r -> r.crop() == Rendition.Crop.NONE).toList() : same;
        return pool.stream().filter(r -> r.width() <= asked).max(java.util.Comparator.comparingInt(Rendition::width))
            .or(() -> pool.stream().min(java.util.Comparator.comparingInt(Rendition::width))).map(Rendition::name);
    }

    /** Deletes a photo's crops so they are made again around a new focal point. */
    public void deleteCrops(Photo photo) throws IOException {
        for (var spec : wanted(photo)) {
            if (spec.crop() != Rendition.Crop.NONE) blobs.delete(key(photo.sha256(), spec.name()));
        }
    }

    /** Makes every missing rendition of one photo (idempotent: existing files are kept). Returns how many were made. */
    public int renderAll(MediaStore.Source source) throws IOException {
        var photo = source.photo();
        BufferedImage image = null;
        int made = 0;
        for (var spec : wanted(photo)) {
            if (blobs.get(key(photo.sha256(), spec.name())).isPresent()) continue;
            if (image == null) image = decode(blobs.get(source.path()).orElseThrow(() -> new IOException("original missing for " + photo.sha256())), largest(photo));
            blobs.put(key(photo.sha256(), spec.name()), render(image, spec, source));
            made++;
        }
        return made;
    }

    /** The long side the decode must keep for the widest rendition this photo wants (subsampling never goes below it). */
    private int largest(Photo photo) {
        int widest = wanted(photo).stream().mapToInt(Rendition::width).max().orElse(photo.width());
        // the long side scales with the width; keep what the widest rendition needs of it
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1L, (long) widest * Math.max(photo.width(), photo.height()) / Math.max(1, photo.width())));
    }

    /** Decodes an original (subsampled within the budget), turned upright by its EXIF orientation, on white where it was transparent. */
    BufferedImage decode(byte[] original, int maxSide) throws IOException {
        BufferedImage raw;
        try {
            raw = budget.decode(original, maxSide);
        } catch (IllegalStateException e) {
            raw = ImageIO.read(new ByteArrayInputStream(original)); // a stored original with a decoder warning: as before
        }
        if (raw == null) throw new IOException("cannot decode original");
        int orientation = MetadataReader.read(original).orientation();
        var upright = rotate(raw, orientation);
        var rgb = new BufferedImage(upright.getWidth(), upright.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(upright, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private static BufferedImage rotate(BufferedImage img, int orientation) {
        int quarterTurns = switch (orientation) {
            case 3 -> 2;
            case 6 -> 1;
            case 8 -> 3;
            default -> 0; // 1 upright; mirrored orientations (2, 4, 5, 7) are rare in news photos and left as they are
        };
        if (quarterTurns == 0) return img;
        int w = img.getWidth();
        int h = img.getHeight();
        boolean swap = quarterTurns % 2 == 1;
        var out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB);
        var t = new AffineTransform();
        t.translate(out.getWidth() / 2.0, out.getHeight() / 2.0);
        t.quadrantRotate(quarterTurns);
        t.translate(-w / 2.0, -h / 2.0);
        var g = out.createGraphics();
        g.drawImage(img, t, null);
        g.dispose();
        return out;
    }

    byte[] render(BufferedImage image, Rendition spec, MediaStore.Source source) {
        var cropped = crop(image, spec, source.focalX(), source.focalY());
        return encode(scale(cropped, spec.width(), spec.height()), xmp(source.photo()));
    }

    /** The largest region of the rendition's aspect ratio, centred on the focal point as far as the edges allow. */
    static BufferedImage crop(BufferedImage image, Rendition spec, double focalX, double focalY) {
        if (spec.crop() == Rendition.Crop.NONE) return image;
        int w = image.getWidth();
        int h = image.getHeight();
        double ratio = spec.crop() == Rendition.Crop.WIDE ? 16.0 / 9 : 1.0;
        int cw = (int) Math.min(w, Math.round(h * ratio));
        int ch = (int) Math.min(h, Math.round(cw / ratio));
        int x = (int) Math.round(Math.max(0, Math.min(w - cw, focalX * w - cw / 2.0)));
        int y = (int) Math.round(Math.max(0, Math.min(h - ch, focalY * h - ch / 2.0)));
        return image.getSubimage(x, y, cw, ch);
    }

    /** Halves with bilinear filtering while far above the target, then one bicubic step: sharp without aliasing. */
    static BufferedImage scale(BufferedImage image, int width, int height) {
        var current = image;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current.getWidth() == width && current.getHeight() == height) return current;
        return draw(current, width, height, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage draw(BufferedImage src, int w, int h, Object interpolation) {
        var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** The photo's words as an XMP packet (Adobe XMPCore does the escaping). */
    static byte[] xmp(Photo p) {
        try {
            var meta = XMPMetaFactory.create();
            var dc = "http://purl.org/dc/elements/1.1/";
            var ps = "http://ns.adobe.com/photoshop/1.0/";
            var core = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";
            if (!p.caption().isEmpty()) meta.setLocalizedText(dc, "description", "", "x-default", p.caption());
            if (!p.copyright().isEmpty()) meta.setLocalizedText(dc, "rights", "", "x-default", p.copyright());
            if (!p.title().isEmpty()) meta.setLocalizedText(dc, "title", "", "x-default", p.title());
            for (var creator : p.creator().split(";")) {
                if (!creator.isBlank()) meta.appendArrayItem(dc, "creator", new PropertyOptions().setArrayOrdered(true), creator.strip(), null);
            }
            if (!p.credit().isEmpty()) meta.setProperty(ps, "Credit", p.credit());
            if (!p.altText().isEmpty()) meta.setLocalizedText(core, "AltTextAccessibility", "", "x-default", p.altText());
            return XMPMetaFactory.serializeToBuffer(meta, new SerializeOptions().setOmitPacketWrapper(false).setUseCompactFormat(true));
        } catch (XMPException e) {
            throw new IllegalStateException("cannot build XMP: " + e.getMessage(), e);
        }
    }

    /** Baseline JPEG at {@value #QUALITY} with the XMP packet in an APP1 segment. */
    static byte[] encode(BufferedImage image, byte[] xmp) {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            var metadata = writer.getDefaultImageMetadata(new javax.imageio.ImageTypeSpecifier(image), param);
            var format = "javax_imageio_jpeg_image_1.0";
            var root = (IIOMetadataNode) metadata.getAsTree(format);
            var markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            var app1 = new IIOMetadataNode("unknown");
            app1.setAttribute("MarkerTag", "225");
            var header = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
            var payload = new byte[header.length + xmp.length];
            System.arraycopy(header, 0, payload, 0, header.length);
            System.arraycopy(xmp, 0, payload, header.length, xmp.length);
            app1.setUserObject(payload);
            markers.insertBefore(app1, markers.getFirstChild());
            metadata.setFromTree(format, root);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
