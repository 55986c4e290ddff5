package id.peduli.innovation.selection.bench;

import id.peduli.innovation.selection.EvaluatorAssignment.Evaluator;
import id.peduli.innovation.selection.EvaluatorAssignment.Proposal;
import id.peduli.innovation.selection.NearDuplicates.Document;
import id.peduli.innovation.selection.TopSelection.QuotaKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated competition period for the benchmark: 500 agencies in a realistic tree, proposals, evaluators,
 * quota floors; and earlier proposals with Indonesian texts for the near-duplicate search.
 *
 * <p>Agencies: 20 ministries, each with 4 directorates and a technical unit (balai) under its first directorate in
 * one of the provinces (depth 3); 38 provinces with 300 regencies and cities between them; 42 state enterprises.
 * 20 + 100 + 38 + 300 + 42 = 500.
 */
final class CompetitionData {

    static final String[] CATEGORIES = {
        "pelayanan-publik", "tata-kelola", "kesehatan", "pendidikan", "ekonomi", "lingkungan"
    };

    /** One agency: its parent (0 for none), province code (null for national), participant type, 3T. */
    record Agency(long id, long parent, String province, String type, boolean threeT) {}

    final Map<Long, Agency> agencies = new LinkedHashMap<>();
    final List<Proposal> proposals = new ArrayList<>();
    final Map<Long, String> participantType = new LinkedHashMap<>();
    final Map<Long, Boolean> threeT = new LinkedHashMap<>();
    final List<Evaluator> evaluators = new ArrayList<>();
    /** Quality of each proposal (what an average evaluator would give) and each evaluator's severity. */
    final Map<Long, Double> quality = new LinkedHashMap<>();

    final Map<Long, Double> severity = new LinkedHashMap<>();

    private final Random random;

    CompetitionData(long seed, int proposalCount, int evaluatorCount) {
        random = new Random(seed);
        long id = 1;
        List<Long> ministries = new ArrayList<>();
        List<Long> ministryUnits = new ArrayList<>();
        List<Long> provinces = new ArrayList<>();
        List<Long> locals = new ArrayList<>();
        List<Long> enterprises = new ArrayList<>();
        List<String> provinceCodes = new ArrayList<>();
        for (int p = 0; p < 38; p++) {
            provinceCodes.add(String.valueOf(11 + p * 2));
        }
        for (int m = 0; m < 20; m++) {
            long ministry = id++;
            agencies.put(ministry, new Agency(ministry, 0, null, "kementerian", false));
            ministries.add(ministry);
            long firstDirectorate = 0;
            for (int d = 0; d < 4; d++) {
                long directorate = id++;
                agencies.put(directorate, new Agency(directorate, ministry, null, "kementerian", false));
                ministryUnits.add(directorate);
                if (d == 0) {
                    firstDirectorate = directorate;
                }
            }
            long balai = id++;
            String province = provinceCodes.get(random.nextInt(provinceCodes.size()));
            agencies.put(balai, new Agency(balai, firstDirectorate, province, "kementerian", false));
            ministryUnits.add(balai);
        }
        for (String code : provinceCodes) {
            long province = id++;
            agencies.put(province, new Agency(province, 0, code, "provinsi", false));
            provinces.add(province);
        }
        for (int r = 0; r < 300; r++) {
            long parent = provinces.get(r < 38 ? r : random.nextInt(provinces.size()));
            long local = id++;
            boolean city = random.nextInt(4) == 0;
            agencies.put(
                    local,
                    new Agency(
                            local,
                            parent,
                            agencies.get(parent).province(),
                            city ? "kota" : "kabupaten",
                            !city && random.nextInt(5) == 0));
            locals.add(local);
        }
        for (int s = 0; s < 42; s++) {
            long enterprise = id++;
            agencies.put(enterprise, new Agency(enterprise, 0, null, "bumn", false));
            enterprises.add(enterprise);
        }
        for (int p = 0; p < proposalCount; p++) {
            int draw = random.nextInt(100);
            List<Long> pool = draw < 65
                    ? locals
                    : draw < 80
                            ? provinces
                            : draw < 92 ? random.nextBoolean() ? ministries : ministryUnits : enterprises;
            Agency agency = agencies.get(pool.get(random.nextInt(pool.size())));
            int g = random.nextInt(100);
            String group = g < 85 ? "umum" : g < 95 ? "replikasi" : "khusus";
            long proposalId = 100_000 + p;
            proposals.add(new Proposal(
                    proposalId,
                    agency.id(),
                    ancestors(agency.id()),
                    agency.province(),
                    group,
                    CATEGORIES[random.nextInt(CATEGORIES.length)]));
            participantType.put(proposalId, agency.type());
            threeT.put(proposalId, agency.threeT());
            quality.put(proposalId, Math.max(20, Math.min(98, 72 + 10 * random.nextGaussian())));
        }
        // evaluators: academics of 15 universities (outside the tree), officials of ministries, provinces, regencies
        // and state enterprises; most take up to 130 proposals, a quarter up to 80
        for (int e = 0; e < evaluatorCount; e++) {
            int draw = random.nextInt(100);
            long agencyId;
            String province;
            List<Long> ancestors;
            if (draw < 40) {
                agencyId = 10_000 + random.nextInt(15);
                province = provinceCodes.get((int) (agencyId % provinceCodes.size()));
                ancestors = List.of();
            } else {
                List<Long> pool = draw < 60 ? ministryUnits : draw < 70 ? ministries : draw < 90 ? locals : enterprises;
                Agency agency = agencies.get(pool.get(random.nextInt(pool.size())));
                agencyId = agency.id();
                province = agency.province();
                ancestors = ancestors(agencyId);
            }
            Set<Long> declared = new HashSet<>();
            for (int d = random.nextInt(6); d > 0; d--) {
                declared.add(proposals.get(random.nextInt(proposals.size())).id());
            }
            long evaluatorId = 500 + e;
            evaluators.add(new Evaluator(evaluatorId, agencyId, ancestors, province, e % 4 == 3 ? 80 : 130, declared));
            severity.put(evaluatorId, 6 * random.nextGaussian());
        }
    }

    List<Long> ancestors(long agencyId) {
        List<Long> result = new ArrayList<>();
        Agency agency = agencies.get(agencyId);
        while (agency != null && agency.parent() != 0) {
            result.add(agency.parent());
            agency = agencies.get(agency.parent());
        }
        return result;
    }

    /** Floors adding up to 92 of the 99 places. */
    static Map<QuotaKey, Integer> floors() {
        Map<QuotaKey, Integer> floors = new LinkedHashMap<>();
        for (String category : CATEGORIES) {
            floors.put(QuotaKey.category(category), 5);
        }
        floors.put(QuotaKey.group("replikasi"), 8);
        floors.put(QuotaKey.group("khusus"), 3);
        floors.put(QuotaKey.participantType("kementerian"), 8);
        floors.put(QuotaKey.participantType("provinsi"), 8);
        floors.put(QuotaKey.participantType("kabupaten"), 15);
        floors.put(QuotaKey.participantType("kota"), 8);
        floors.put(QuotaKey.participantType("bumn"), 4);
        floors.put(QuotaKey.threeT(), 8);
        return floors;
    }

    // ---- Indonesian proposal texts ----

    private static final String[] SUBJECTS = {
        "masyarakat",
        "warga desa",
        "ibu hamil",
        "balita",
        "penyandang disabilitas",
        "lansia",
        "petani",
        "nelayan",
        "pelaku UMKM",
        "siswa sekolah dasar",
        "anak jalanan",
        "pencari kerja",
        "keluarga penerima manfaat",
        "remaja putus sekolah",
        "kader posyandu",
        "perempuan kepala keluarga",
        "pedagang pasar",
        "buruh migran"
    };
    private static final String[] SERVICES = {
        "layanan administrasi kependudukan",
        "posyandu",
        "puskesmas",
        "bank sampah",
        "pelayanan perizinan",
        "rehabilitasi sosial",
        "penyaluran bantuan sosial",
        "pendidikan inklusif",
        "penyediaan air bersih",
        "sanitasi lingkungan",
        "pengelolaan sampah",
        "pemberdayaan ekonomi",
        "pelayanan kesehatan ibu dan anak",
        "pengaduan masyarakat",
        "pencatatan sipil",
        "pelatihan kerja",
        "perlindungan anak",
        "ketahanan pangan",
        "transportasi desa",
        "perpustakaan keliling"
    };
    private static final String[] PROBLEMS = {
        "angka stunting yang tinggi",
        "antrean yang panjang",
        "jarak tempuh yang jauh",
        "data yang tidak akurat",
        "rendahnya partisipasi warga",
        "keterbatasan anggaran",
        "biaya transportasi yang mahal",
        "lambatnya proses verifikasi",
        "kurangnya tenaga terlatih",
        "tumpang tindih program",
        "rendahnya cakupan imunisasi",
        "sampah yang menumpuk di sungai",
        "banyaknya pungutan liar",
        "minimnya akses informasi",
        "tingginya angka putus sekolah"
    };
    private static final String[] APPROACHES = {
        "aplikasi daring", "layanan keliling", "kader desa terlatih", "sistem informasi terpadu",
        "kemitraan dengan swasta", "pendampingan rutin", "pelatihan keterampilan", "gerai pelayanan terpadu",
        "pesan singkat pengingat", "koperasi warga", "forum musyawarah desa", "kartu identitas digital",
        "jemput bola ke rumah warga", "dashboard pemantauan", "relawan muda"
    };
    private static final String[] PLACES = {
        "kecamatan",
        "kelurahan",
        "desa terpencil",
        "wilayah pesisir",
        "daerah perbatasan",
        "kawasan perkotaan",
        "pulau kecil",
        "dusun"
    };
    private static final String[] TEMPLATES = {
        "Sebelum inovasi ini, %s di %s menghadapi %s.",
        "Inovasi ini memanfaatkan %4$s untuk memperbaiki %5$s bagi %1$s.",
        "Melalui %4$s, %1$s dapat mengakses %5$s tanpa harus datang ke kantor %2$s.",
        "Data awal menunjukkan %3$s dengan %6$d kasus setiap bulan di %2$s.",
        "Setelah %7$d bulan berjalan, waktu layanan turun dari %6$d hari menjadi %8$d hari.",
        "Jumlah %1$s yang terlayani meningkat menjadi %9$d orang pada tahun kedua.",
        "Tim pelaksana melibatkan %1$s, perangkat %2$s, dan organisasi masyarakat setempat.",
        "Anggaran berasal dari dana desa dan APBD sebesar Rp%9$d juta per tahun.",
        "Kendala utama adalah %3$s, yang diatasi dengan %4$s.",
        "Inovasi %5$s ini telah direplikasi oleh %7$d daerah lain.",
        "Keberlanjutan dijamin melalui peraturan bupati dan alokasi anggaran rutin untuk %5$s.",
        "Evaluasi dilakukan setiap %7$d bulan dengan survei kepuasan %1$s.",
        "Pelajaran penting adalah bahwa %4$s hanya berhasil bila %1$s dilibatkan sejak awal.",
        "Indikator keberhasilan meliputi cakupan %5$s, kepuasan %1$s, dan penurunan %3$s.",
        "Pada tahap awal, petugas mendata %9$d %1$s di %6$d %2$s.",
        "Hasilnya, %3$s berkurang sebesar %6$d persen dibandingkan tahun sebelumnya."
    };

    /** A proposal text of about {@code sentences} sentences. */
    String text(int sentences) {
        StringBuilder text = new StringBuilder();
        String subject = pick(SUBJECTS);
        String service = pick(SERVICES);
        String place = pick(PLACES);
        for (int s = 0; s < sentences; s++) {
            if (random.nextInt(4) == 0) {
                subject = pick(SUBJECTS);
            }
            if (random.nextInt(5) == 0) {
                service = pick(SERVICES);
            }
            text.append(String.format(
                            pick(TEMPLATES),
                            subject,
                            place,
                            pick(PROBLEMS),
                            pick(APPROACHES),
                            service,
                            2 + random.nextInt(60),
                            2 + random.nextInt(24),
                            1 + random.nextInt(10),
                            50 + random.nextInt(5000)))
                    .append(' ');
        }
        return text.toString().trim();
    }

    String title() {
        return "Inovasi " + pick(SERVICES) + " dengan " + pick(APPROACHES) + " untuk " + pick(SUBJECTS);
    }

    /** A copy of a text with about {@code percent} % of its sentences rewritten (a plagiarised proposal). */
    String edited(String text, int percent) {
        String[] sentences = text.split("(?<=\\.) ");
        StringBuilder result = new StringBuilder();
        for (String sentence : sentences) {
            result.append(random.nextInt(100) < percent ? text(1) : sentence).append(' ');
        }
        return result.toString().trim();
    }

    /** Earlier proposals of the years before, from all agencies, with texts of 20 to 40 sentences. */
    List<Document> earlier(int count) {
        List<Document> documents = new ArrayList<>(count);
        List<Long> agencyIds = new ArrayList<>(agencies.keySet());
        for (int d = 0; d < count; d++) {
            documents.add(new Document(
                    1_000_000 + d,
                    agencyIds.get(random.nextInt(agencyIds.size())),
                    2014 + random.nextInt(12),
                    title(),
                    text(20 + random.nextInt(21))));
        }
        return documents;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
