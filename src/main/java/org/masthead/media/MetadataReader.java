package org.masthead.media;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.jpeg.JpegSegmentReader;
import com.drew.imaging.jpeg.JpegSegmentType;
import com.drew.metadata.Metadata;
import com.drew.metadata.StringValue;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.photoshop.PhotoshopDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a photo's embedded metadata with metadata-extractor and reconciles it per the Metadata
 * Working Group guidelines (Guidelines for Handling Image Metadata 2.0):
 * <ul>
 * <li>caption, creator and copyright: EXIF (ImageDescription, Artist, Copyright) when present;</li>
 * <li>otherwise, and for every other field, XMP — unless the IIM block was changed after XMP was
 *     last synchronised (the stored IPTCDigest in the Photoshop block differs from the MD5 of the
 *     current IIM data), in which case IIM is newer and wins; IIM also wins when there is no XMP;</li>
 * <li>IIM text is decoded by its CodedCharacterSet; without one, as UTF-8 when the bytes are valid
 *     UTF-8, else as Mac Roman or Windows-1252, whichever reproduces the XMP value (else Windows-1252).</li>
 * </ul>
 * A file whose metadata cannot be parsed yields {@link PhotoMetadata#EMPTY}, never an error: the
 * image itself is validated separately.
 */
public final class MetadataReader {
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/";
    private static final String IPTC_CORE = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";
    private static final String XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/";
    private static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private MetadataReader() {}

    public static PhotoMetadata read(byte[] file) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file), file.length);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return PhotoMetadata.EMPTY;
        }
        var exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        var iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
        var xmpDir = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        XMPMeta xmp = xmpDir == null ? null : xmpDir.getXMPMeta();
        var sources = new Sources(exif, iptc, xmp, iimIsNewer(file, metadata), charsetDeclared(iptc));

        return new PhotoMetadata(
            sources.text(ExifIFD0Directory.TAG_IMAGE_DESCRIPTION, IptcDirectory.TAG_CAPTION, langAlt(xmp, DC, "description")),
            sources.text(-1, IptcDirectory.TAG_HEADLINE, prop(xmp, PHOTOSHOP, "Headline")),
            sources.text(-1, IptcDirectory.TAG_CREDIT, prop(xmp, PHOTOSHOP, "Credit")),
            sources.list(ExifIFD0Directory.TAG_ARTIST, IptcDirectory.TAG_BY_LINE, array(xmp, DC, "creator")),
            sources.text(-1, IptcDirectory.TAG_BY_LINE_TITLE, prop(xmp, PHOTOSHOP, "AuthorsPosition")),
            sources.text(ExifIFD0Directory.TAG_COPYRIGHT, IptcDirectory.TAG_COPYRIGHT_NOTICE, langAlt(xmp, DC, "rights")),
            sources.text(-1, IptcDirectory.TAG_SOURCE, prop(xmp, PHOTOSHOP, "Source")),
            sources.list(-1, IptcDirectory.TAG_KEYWORDS, array(xmp, DC, "subject")),
            first(prop(xmp, PHOTOSHOP, "DateCreated"), iptc == null ? "" : nz(iptc.getString(IptcDirectory.TAG_DATE_CREATED))),
            sources.text(-1, IptcDirectory.TAG_CITY, prop(xmp, PHOTOSHOP, "City")),
            sources.text(-1, IptcDirectory.TAG_COUNTRY_OR_PRIMARY_LOCATION_NAME, prop(xmp, PHOTOSHOP, "Country")),
            langAlt(xmp, IPTC_CORE, "AltTextAccessibility"),
            langAlt(xmp, IPTC_CORE, "ExtDescrAccessibility"),
            langAlt(xmp, XMP_RIGHTS, "UsageTerms"),
            sources.text(-1, IptcDirectory.TAG_OBJECT_NAME, langAlt(xmp, DC, "title")),
            sources.text(-1, IptcDirectory.TAG_SPECIAL_INSTRUCTIONS, prop(xmp, PHOTOSHOP, "Instructions")),
            exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION) ? exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION) : 1);
    }

    /** The three sources of one file and the rule between them. */
    private record Sources(ExifIFD0Directory exif, IptcDirectory iptc, XMPMeta xmp, boolean iimIsNewer, boolean iimCharsetDeclared) {
        String text(int exifTag, int iimTag, String xmpValue) {
            var e = exifTag < 0 || exif == null ? "" : clean(exif.getString(exifTag));
            if (!e.isEmpty()) return e;
            var iim = iptc == null ? null : iptc.getStringValue(iimTag);
            var i = iim == null ? "" : clean(decode(iim, xmpValue));
            if (i.isEmpty()) return xmpValue;
            if (xmpValue.isEmpty() || iimIsNewer) return i;
            return xmpValue;
        }

        List<String> list(int exifTag, int iimTag, List<String> xmpValues) {
            if (exifTag >= 0 && exif != null && !clean(exif.getString(exifTag)).isEmpty()) {
                return Arrays.stream(exif.getString(exifTag).split(";")).map(MetadataReader::clean).filter(s -> !s.isEmpty()).toList();
            }
            var iim = iptc == null ? null : iptc.getStringValueArray(iimTag);
            var i = new ArrayList<String>();
            if (iim != null) {
                for (int k = 0; k < iim.length; k++) {
                    var v = clean(decode(iim[k], k < xmpValues.size() ? xmpValues.get(k) : ""));
                    if (!v.isEmpty()) i.add(v);
                }
            }
            if (i.isEmpty()) return xmpValues;
            if (xmpValues.isEmpty() || iimIsNewer) return List.copyOf(i);
            return xmpValues;
        }

        private String decode(StringValue value, String xmpValue) {
            var bytes = value.getBytes();
            if (iimCharsetDeclared && value.getCharset() != null) return new String(bytes, value.getCharset());
            boolean ascii = true;
            for (byte b : bytes) if (b < 0) ascii = false;
            if (ascii) return new String(bytes, StandardCharsets.US_ASCII);
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException notUtf8) {
                var mac = new String(bytes, MAC_ROMAN);
                return mac.strip().equals(xmpValue.strip()) ? mac : new String(bytes, WINDOWS_1252);
            }
        }
    }

    private static boolean charsetDeclared(IptcDirectory iptc) {
        return iptc != null && iptc.containsTag(IptcDirectory.TAG_CODED_CHARACTER_SET);
    }

    /**
     * True when the IIM block was edited after XMP was last written: a stored IPTCDigest
     * (Photoshop resource 0x0425) that differs from the MD5 of the current IIM data (resource 0x0404).
     */
    static boolean iimIsNewer(byte[] file, Metadata metadata) {
        var ps = metadata.getFirstDirectoryOfType(PhotoshopDirectory.class);
        var stored = ps == null ? null : ps.getByteArray(PhotoshopDirectory.TAG_CAPTION_DIGEST);
        if (stored == null) return false;
        var iim = photoshopResource(file, 0x0404);
        if (iim == null) return false;
        try {
            return !Arrays.equals(stored, MessageDigest.getInstance("MD5").digest(iim));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One resource's data from the JPEG's Photoshop (APP13) block, or null. */
    static byte[] photoshopResource(byte[] file, int id) {
        try {
            var segments = JpegSegmentReader.readSegments(new com.drew.lang.StreamReader(new ByteArrayInputStream(file)),
                List.of(JpegSegmentType.APPD));
            for (var segment : segments.getSegments(JpegSegmentType.APPD)) {
                var header = "Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII);
                if (segment.length < header.length || !Arrays.equals(Arrays.copyOf(segment, header.length), header)) continue;
                var buf = ByteBuffer.wrap(segment, header.length, segment.length - header.length);
                while (buf.remaining() >= 12) {
                    if (buf.getInt() != 0x3842494D) break;                     // "8BIM"
                    int resource = buf.getShort() & 0xFFFF;
                    int nameLength = buf.get() & 0xFF;
                    int skip = nameLength + ((nameLength + 1) % 2);            // Pascal string padded to even
                    if (buf.remaining() < skip + 4) break;
                    buf.position(buf.position() + skip);
                    int size = buf.getInt();
                    if (size < 0 || size > buf.remaining()) break;
                    if (resource == id) {
                        var data = new byte[size];
                        buf.get(data);
                        return data;
                    }
                    buf.position(buf.position() + size + (size % 2));
                }
            }
        } catch (IOException | com.drew.imaging.jpeg.JpegProcessingException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String langAlt(XMPMeta xmp, String ns, String name) {
        if (xmp == null) return "";
        try {
            var p = xmp.getLocalizedText(ns, name, "", "x-default");
            return p == null ? "" : clean(p.getValue());
        } catch (XMPException e) {
            return prop(xmp, ns, name);
        }
    }

    private static String prop(XMPMeta xmp, String ns, String name) {
        if (xmp == null) return "";
        try {
            return clean(xmp.getPropertyString(ns, name));
        } catch (XMPException e) {
            return "";
        }
    }

    private static List<String> array(XMPMeta xmp, String ns, String name) {
        if (xmp == null) return List.of();
        var out = new ArrayList<String>();
        try {
            int n = xmp.countArrayItems(ns, name);
            for (int i = 1; i <= n; i++) {
                var item = clean(xmp.getArrayItem(ns, name, i).getValue());
                if (!item.isEmpty()) out.add(item);
            }
        } catch (XMPException | RuntimeException e) {
            var single = prop(xmp, ns, name);
            if (!single.isEmpty()) out.add(single);
        }
        return List.copyOf(out);
    }

    private static String first(String a, String b) { return a.isEmpty() ? b : a; }

    private static String nz(String s) { return s == null ? "" : s; }

    static String clean(String s) {
        if (s == null) return "";
        return s.replace("\u0000", " ").strip();
    }
}
