package id.peduli.registry.person;

/**
 * The orientation tag (0x0112) of a JPEG's EXIF block: how the camera was held, 1 (upright) to 8. Photos are stored
 * without their EXIF block, so the orientation is applied to the pixels before it is dropped. Anything unexpected in
 * the file gives 1: the photo is then stored as it was encoded.
 */
final class ExifOrientation {

    private ExifOrientation() {}

    static int of(byte[] jpeg) {
        try {
            int i = 2;
            while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
                int marker = jpeg[i + 1] & 0xFF;
                if (marker == 0xDA || marker == 0xD9) {
                    return 1;
                }
                int length = u16(jpeg, i + 2, false);
                if (marker == 0xE1 && length >= 8 && startsWithExif(jpeg, i + 4)) {
                    return orientation(jpeg, i + 10, Math.min(jpeg.length, i + 2 + length));
                }
                i += 2 + length;
            }
        } catch (IndexOutOfBoundsException e) {
            return 1;
        }
        return 1;
    }

    private static boolean startsWithExif(byte[] b, int at) {
        return b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0;
    }

    private static int orientation(byte[] b, int tiff, int end) {
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        int ifd = tiff + (int) u32(b, tiff + 4, little);
        int entries = u16(b, ifd, little);
        for (int e = 0; e < entries; e++) {
            int entry = ifd + 2 + e * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return little ? first | second << 8 : first << 8 | second;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long high = u16(b, at, little);
        long low = u16(b, at + 2, little);
        return little ? low << 16 | high : high << 16 | low;
    }
}
