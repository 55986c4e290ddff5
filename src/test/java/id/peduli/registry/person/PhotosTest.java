package id.peduli.registry.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.shared.BusinessException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhotosTest {

    private static final long MAX_PIXELS = 16_000_000;

    /** A PNG whose header claims {@code width} × {@code height} pixels, with no real image data behind it. */
    static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * A JPEG of {@code width} × {@code height} with an EXIF block after its JFIF header: orientation {@code
     * orientation}, a description and a GPS block (latitude reference "S", a place's coordinates).
     */
    static byte[] jpegWithGps(int width, int height, int orientation) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF0000);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();

        ByteBuffer tiff = ByteBuffer.allocate(200);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        // IFD0 at 8: orientation, description (offset 50), GPS IFD pointer (offset 80); no next IFD.
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(20).putInt(50);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(80);
        tiff.putInt(0);
        tiff.position(50);
        tiff.put("RUMAH-KELUARGA-GPS\0\0".getBytes(StandardCharsets.US_ASCII));
        // GPS IFD at 80: latitude reference "S", latitude 6/1 12/1 3456/100 (offset 110).
        tiff.position(80);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'S', 0, 0, 0});
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(110);
        tiff.putInt(0);
        tiff.position(110);
        tiff.putInt(6).putInt(1).putInt(12).putInt(1).putInt(3456).putInt(100);
        byte[] exif = new byte[6 + 134];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, 134);

        int afterJfif = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, afterJfif);
        out.write(0xFF);
        out.write(0xE1);
        out.writeBytes(
                ByteBuffer.allocate(2).putShort((short) (exif.length + 2)).array());
        out.writeBytes(exif);
        out.write(jpeg, afterJfif, jpeg.length - afterJfif);
        return out.toByteArray();
    }

    private static boolean contains(byte[] data, String text) {
        return new String(data, StandardCharsets.ISO_8859_1).contains(text);
    }

    @Test
    void aHugeImageIsRefusedFromItsHeaderWithoutDecodingIt() {
        byte[] bomb = pngHeader(70_000, 70_000);
        assertThat(bomb.length).isLessThan(100);
        assertThatThrownBy(() -> Photos.cleaned(bomb, "image/png", MAX_PIXELS))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("photo.tooManyPixels");
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.args()).containsExactly(16L, 70_000L, 70_000L);
                });
    }

    @Test
    void anImageJustAboveTheLimitIsRefusedAndOneAtTheLimitIsNot() throws IOException {
        assertThatThrownBy(() -> Photos.cleaned(pngHeader(4001, 4000), "image/png", MAX_PIXELS))
                .isInstanceOf(BusinessException.class);
        ByteArrayOutputStream small = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "png", small);
        assertThat(ImageIO.read(new ByteArrayInputStream(Photos.cleaned(small.toByteArray(), "image/png", 200)))
                        .getWidth())
                .isEqualTo(20);
    }

    @Test
    void theStoredJpegKeepsNoExifAndNoLocation() throws IOException {
        byte[] upload = jpegWithGps(16, 8, 1);
        assertThat(contains(upload, "Exif")).isTrue();
        assertThat(contains(upload, "RUMAH-KELUARGA-GPS")).isTrue();
        assertThat(ImageIO.read(new ByteArrayInputStream(upload))).isNotNull();

        byte[] stored = Photos.cleaned(upload, "image/jpeg", MAX_PIXELS);
        assertThat(contains(stored, "Exif")).isFalse();
        assertThat(contains(stored, "RUMAH-KELUARGA-GPS")).isFalse();
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(back.getWidth()).isEqualTo(16);
        assertThat(back.getHeight()).isEqualTo(8);
    }

    @Test
    void theCamerasOrientationIsAppliedBeforeTheExifBlockIsDropped() throws IOException {
        byte[] upload = jpegWithGps(16, 8, 6);
        assertThat(ExifOrientation.of(upload)).isEqualTo(6);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Photos.cleaned(upload, "image/jpeg", MAX_PIXELS)));
        assertThat(back.getWidth()).isEqualTo(8);
        assertThat(back.getHeight()).isEqualTo(16);
    }

    @Test
    void aPngKeepsNoTextChunks() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
        byte[] plain = png.toByteArray();
        // A tEXt chunk before IEND (the last 12 bytes).
        ByteArrayOutputStream withText = new ByteArrayOutputStream();
        withText.write(plain, 0, plain.length - 12);
        chunk(withText, "tEXt", "Comment\0lat -6.2 lon 106.8".getBytes(StandardCharsets.ISO_8859_1));
        withText.write(plain, plain.length - 12, 12);
        byte[] upload = withText.toByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(upload))).isNotNull();
        assertThat(contains(upload, "lat -6.2")).isTrue();
        assertThat(contains(Photos.cleaned(upload, "image/png", MAX_PIXELS), "lat -6.2"))
                .isFalse();
    }

    @Test
    void anOverLargeUploadIsRefusedAfterReadingOneByteMoreThanTheLimit() {
        long[] read = {0};
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                read[0]++;
                return 0;
            }
        };
        assertThatThrownBy(() -> Photos.readAtMost(endless, 1024))
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("photo.tooLarge"));
        assertThat(read[0]).isEqualTo(1025);
        assertThat(Photos.readAtMost(new ByteArrayInputStream(new byte[1024]), 1024))
                .hasSize(1024);
    }
}
