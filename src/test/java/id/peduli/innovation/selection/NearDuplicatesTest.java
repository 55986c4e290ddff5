package id.peduli.innovation.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.peduli.innovation.selection.NearDuplicates.Document;
import id.peduli.innovation.selection.NearDuplicates.Match;
import id.peduli.innovation.selection.NearDuplicates.Passage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    // 6 words → shingles: [inovasi layanan kartu] [layanan kartu keluarga] [kartu keluarga keliling]
    //                     [keluarga keliling desa]
    private static final Document A = new Document(1, 10, 2023, "", "Inovasi layanan kartu keluarga keliling desa");
    private static final Document B = new Document(2, 20, 2024, "", "Sistem antrean daring puskesmas");

    private final NearDuplicates index = NearDuplicates.index(List.of(A, B));

    @Test
    void wordsAreLowerCasedWithoutPunctuationAndFunctionWords() {
        IndonesianText.Words words = IndonesianText.words("Pelayanan KTP, yang cepat & mudah untuk warga!");
        assertThat(words.words()).containsExactly("pelayanan", "ktp", "cepat", "mudah", "warga");
        // each word remembers its place in the text
        assertThat(words.passage(1, 2)).isEqualTo("KTP, yang cepat");
    }

    @Test
    void jaccardOfThreeWordShingles() {
        Document q = new Document(99, 30, 2025, "", "Layanan kartu keluarga keliling kecamatan");
        // q's shingles: [layanan kartu keluarga] [kartu keluarga keliling] [keluarga keliling kecamatan];
        // two of them are A's → Jaccard 2 / (3 + 4 − 2) = 0.4; containment 2 / 3; nothing shared with B
        List<Match> matches = index.similar(q, 5);
        assertThat(matches).hasSize(1);
        Match m = matches.get(0);
        assertThat(m.id()).isEqualTo(1);
        assertThat(m.agencyId()).isEqualTo(10);
        assertThat(m.year()).isEqualTo(2023);
        assertThat(m.similarity()).isCloseTo(0.4, within(1e-12));
        assertThat(m.containment()).isCloseTo(2.0 / 3, within(1e-12));
        // the run of two shared shingles covers four words on either side
        assertThat(m.passages())
                .containsExactly(new Passage("Layanan kartu keluarga keliling", "layanan kartu keluarga keliling", 4));
    }

    @Test
    void punctuationAndFunctionWordsDoNotHideACopy() {
        Document q = new Document(98, 30, 2025, "", "Layanan, kartu keluarga yang keliling!");
        // kept words: layanan kartu keluarga keliling → 2 shingles, both A's → 2 / (2 + 4 − 2) = 0.5, containment 1
        Match m = index.similar(q, 5).get(0);
        assertThat(m.similarity()).isCloseTo(0.5, within(1e-12));
        assertThat(m.containment()).isEqualTo(1.0);
        // passages are shown as written
        assertThat(m.passages().get(0).proposal()).isEqualTo("Layanan, kartu keluarga yang keliling");
    }

    @Test
    void rankedAcrossAgenciesWithoutTheProposalItself() {
        Document copy = new Document(3, 40, 2024, "Kartu keluarga", "Inovasi layanan kartu keluarga keliling desa");
        Document half = new Document(4, 50, 2022, "", "Inovasi layanan kartu keluarga di kantor kecamatan");
        NearDuplicates three = NearDuplicates.index(List.of(A, B, copy, half));
        List<Match> matches = three.similar(A, 10);
        // copy: title adds words; copy reads "kartu keluarga inovasi layanan kartu keluarga keliling desa" →
        // 6 shingles, the 4 of A among them → 4 / (4 + 6 − 4) = 0.667.
        // half: "inovasi layanan kartu keluarga kantor kecamatan" → 4 shingles, 2 shared → 2 / (4 + 4 − 2) = 0.333
        assertThat(matches).extracting(Match::id).containsExactly(3L, 4L);
        assertThat(matches.get(0).similarity()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(matches.get(1).similarity()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(three.similar(A, 1)).extracting(Match::id).containsExactly(3L);
        assertThat(three.similar(A, 10, 0.5)).extracting(Match::id).containsExactly(3L);
    }

    @Test
    void identicalTextIsOneShortTextIsOneShingleEmptyFindsNothing() {
        NearDuplicates short1 = NearDuplicates.index(List.of(new Document(5, 1, 2020, "Posyandu", "")));
        assertThat(short1.similar(new Document(6, 2, 2025, "", "POSYANDU."), 3)
                        .get(0)
                        .similarity())
                .isEqualTo(1.0);
        assertThat(index.similar(new Document(7, 2, 2025, "", "yang dan di"), 3))
                .isEmpty();
        assertThat(index.similar(new Document(8, 2, 2025, null, null), 3)).isEmpty();
        assertThat(NearDuplicates.index(List.of()).similar(A, 3)).isEmpty();
    }

    @Test
    void commonPhrasingAloneDoesNotMakeACandidateButCountsInTheSimilarity() {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            // 7 words → 5 shingles: [waktu layanan turun] [layanan turun drastis] in all 250 (more than 200: common),
            // [turun drastis kode<i>] [drastis kode<i> unik<i>] [kode<i> unik<i> nomor<i>] in this one only
            docs.add(new Document(i, i, 2024, "", "Waktu layanan turun drastis kode" + i + " unik" + i + " nomor" + i));
        }
        NearDuplicates common = NearDuplicates.index(docs);
        assertThat(common.similar(new Document(-1, 1, 2025, "", "waktu layanan turun drastis"), 5))
                .isEmpty();
        List<Match> matches =
                common.similar(new Document(-2, 1, 2025, "", "Waktu layanan turun drastis kode7 unik7 nomor7"), 5);
        // only document 7 shares an uncommon shingle; its similarity counts all 5 shared: 5 / (5 + 5 − 5) = 1.
        // The 249 others (2 common shingles: 2 / (5 + 5 − 2) = 0.25) are not candidates.
        assertThat(matches).extracting(Match::id).containsExactly(7L);
        assertThat(matches.get(0).similarity()).isEqualTo(1.0);
    }

    private static final String[] VOCABULARY = {
        "layanan", "kartu", "keluarga", "desa", "yang", "dan", "warga", "sampah", "bank", "posyandu", "balita", "gizi"
    };

    /** The index gives exactly the Jaccard index of the sets of three-word shingles, computed the plain way. */
    @Property(tries = 200)
    void sameAsBruteForceJaccard(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int documents) {
        Random random = new Random(seed);
        List<Document> docs = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            docs.add(new Document(d, d % 4, 2024, "", text(random)));
        }
        Document query = new Document(-1, 9, 2025, "", text(random));
        List<Match> matches = NearDuplicates.index(docs).similar(query, documents);
        Set<String> q = shingles(query.text());
        for (Document d : docs) {
            Set<String> other = shingles(d.text());
            Set<String> shared = new HashSet<>(q);
            shared.retainAll(other);
            double expected = shared.isEmpty() ? 0 : (double) shared.size() / (q.size() + other.size() - shared.size());
            double actual = matches.stream()
                    .filter(m -> m.id() == d.id())
                    .mapToDouble(Match::similarity)
                    .findFirst()
                    .orElse(0);
            assertThat(actual).as("document %d", d.id()).isCloseTo(expected, within(1e-12));
        }
        for (int i = 1; i < matches.size(); i++) {
            assertThat(matches.get(i - 1).similarity())
                    .isGreaterThanOrEqualTo(matches.get(i).similarity());
        }
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int w = random.nextInt(14); w >= 0; w--) {
            text.append(VOCABULARY[random.nextInt(VOCABULARY.length)]).append(random.nextInt(5) == 0 ? ", " : " ");
        }
        return text.toString();
    }

    private static Set<String> shingles(String text) {
        List<String> words = new ArrayList<>(Arrays.asList(("\n" + text)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ")
                .trim()
                .split(" ")));
        words.removeIf(w -> w.isEmpty() || IndonesianText.STOP_WORDS.contains(w));
        Set<String> result = new HashSet<>();
        if (!words.isEmpty() && words.size() < 3) {
            result.add(String.join(" ", words));
        }
        for (int i = 0; i + 3 <= words.size(); i++) {
            result.add(String.join(" ", words.subList(i, i + 3)));
        }
        return result;
    }
}
