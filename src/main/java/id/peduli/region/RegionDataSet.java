package id.peduli.region;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.springframework.core.io.ClassPathResource;

/**
 * A region data set as CSV (header {@code code,parent_code,level,name}, one region per line), with the SHA-256 of its
 * content and its number of regions, which identify it in {@code region.load_state}.
 */
record RegionDataSet(byte[] csv, String checksum, int rowCount) {

    static final String BUNDLED = "region/kemendagri-regions.csv.gz";

    static RegionDataSet bundled() {
        try (InputStream in = new GZIPInputStream(new ClassPathResource(BUNDLED).getInputStream())) {
            return of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled region data " + BUNDLED, e);
        }
    }

    static RegionDataSet of(byte[] csv) {
        int lines = 0;
        for (byte b : csv) {
            if (b == '\n') {
                lines++;
            }
        }
        if (csv.length > 0 && csv[csv.length - 1] != '\n') {
            lines++;
        }
        return new RegionDataSet(csv, sha256(csv), Math.max(0, lines - 1));
    }

    InputStream open() {
        return new ByteArrayInputStream(csv);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
