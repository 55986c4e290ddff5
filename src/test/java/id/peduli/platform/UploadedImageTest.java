package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.platform.UploadedImage.Format;
import id.peduli.platform.UploadedImage.Problem;
import id.peduli.platform.UploadedImage.Refused;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The upload rule for images, without a database or an application: type, pixel limit, decoding, encoding. */
class UploadedImageTest {

    private static final long MAX_PIXELS = 16_000_000;

    private static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A PNG whose header claims {@code width} × {@code height} pixels, with no real image data behind it. */
    private static byte[] pngHeader(int width, int height) {
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

    private static Problem problemOf(byte[] data, long maxPixels) {
        try {
            UploadedImage.decode(data, maxPixels);
            return null;
        } catch (Refused e) {
            return e.problem();
        }
    }

    @Test
    void onlyJpegAndPngByTheirFirstBytesAreAccepted() throws IOException {
        assertThat(UploadedImage.formatOf(image("jpeg", 4, 4))).isEqualTo(Format.JPEG);
        assertThat(UploadedImage.formatOf(image("png", 4, 4))).isEqualTo(Format.PNG);
        byte[] gif = image("gif", 4, 4);
        assertThat(UploadedImage.formatOf(gif)).isNull();
        assertThat(problemOf(gif, MAX_PIXELS)).isEqualTo(Problem.WRONG_TYPE);
        byte[] pdf = "%PDF-1.7 not an image".getBytes(StandardCharsets.US_ASCII);
        assertThat(problemOf(pdf, MAX_PIXELS)).isEqualTo(Problem.WRONG_TYPE);
        assertThat(problemOf(new byte[] {(byte) 0xFF, (byte) 0xD8}, MAX_PIXELS)).isEqualTo(Problem.WRONG_TYPE);
        assertThat(problemOf(new byte[0], MAX_PIXELS)).isEqualTo(Problem.WRONG_TYPE);
        assertThat(UploadedImage.formatOf(null)).isNull();
        assertThat(Format.ofContentType("image/png")).isEqualTo(Format.PNG);
        assertThat(Format.ofContentType("image/gif")).isNull();
    }

    @Test
    void tooManyPixelsAreRefusedFromTheHeaderWithTheSizeItClaims() {
        byte[] bomb = pngHeader(70_000, 70_000);
        assertThat(bomb.length).isLessThan(100);
        assertThatThrownBy(() -> UploadedImage.decode(bomb, MAX_PIXELS)).isInstanceOfSatisfying(Refused.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.TOO_MANY_PIXELS);
            assertThat(e.width()).isEqualTo(70_000);
            assertThat(e.height()).isEqualTo(70_000);
        });
        assertThat(problemOf(pngHeader(4001, 4000), MAX_PIXELS)).isEqualTo(Problem.TOO_MANY_PIXELS);
    }

    @Test
    void anImageAtTheLimitIsDecoded() throws IOException {
        assertThat(UploadedImage.decode(image("png", 20, 10), 200).getWidth()).isEqualTo(20);
        assertThat(problemOf(image("png", 20, 10), 199)).isEqualTo(Problem.TOO_MANY_PIXELS);
    }

    @Test
    void aTruncatedOrDamagedFileIsUnreadable() throws IOException {
        for (String format : new String[] {"jpeg", "png"}) {
            byte[] whole = image(format, 64, 48);
            assertThat(problemOf(Arrays.copyOf(whole, whole.length / 2), MAX_PIXELS))
                    .as(format)
                    .isEqualTo(Problem.UNREADABLE);
            assertThat(problemOf(Arrays.copyOf(whole, 12), MAX_PIXELS))
                    .as(format)
                    .isEqualTo(Problem.UNREADABLE);
        }
        byte[] zeroWide = pngHeader(0, 10);
        assertThat(problemOf(zeroWide, MAX_PIXELS)).isEqualTo(Problem.UNREADABLE);
    }

    @Test
    void aGoodJpegAndPngAreDecodedAndEncodedAgainWithTheirSize() throws IOException {
        for (Format format : Format.values()) {
            String name = format == Format.JPEG ? "jpeg" : "png";
            BufferedImage decoded = UploadedImage.decode(image(name, 64, 48), MAX_PIXELS);
            assertThat(decoded.getWidth()).isEqualTo(64);
            assertThat(decoded.getHeight()).isEqualTo(48);
            byte[] encoded = UploadedImage.encode(decoded, format);
            assertThat(UploadedImage.formatOf(encoded)).isEqualTo(format);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(encoded));
            assertThat(back.getWidth()).isEqualTo(64);
            assertThat(back.getHeight()).isEqualTo(48);
        }
    }

    @Test
    void aJpegIsWrittenWithoutTransparency() throws IOException {
        BufferedImage translucent = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        translucent.setRGB(0, 0, 0x80FF0000);
        byte[] jpeg = UploadedImage.encode(translucent, Format.JPEG);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(back.getColorModel().hasAlpha()).isFalse();
        byte[] png = UploadedImage.encode(translucent, Format.PNG);
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getColorModel().hasAlpha())
                .isTrue();
    }
}
