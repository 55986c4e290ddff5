package id.peduli.innovation.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Titles and texts of the generated demo innovations, in Indonesian. A text is put together from sentence patterns
 * per part (problem, baseline, approach, results, and one answer per rubric aspect), each filled with the
 * innovation's service, the people it serves, what it measures, the agency, a place and figures drawn at random.
 * Several patterns per part and the filled-in names and figures break the runs of words two proposals could share,
 * so two generated proposals never read as near-duplicates of each other; only the deliberate copy of the demo does.
 */
final class InnovationDemoTexts {

    /** A subject of innovation: the service named in the title, who it serves and what it measures. */
    record Subject(String name, String who, String measure) {}

    /** The generated parts of one innovation and its proposal. */
    record Text(String problem, String baseline, String approach, String results, Map<String, String> answers) {}

    static final String[] KINDS = {
        "Layanan", "Gerakan", "Sistem", "Program", "Gerai", "Rumah", "Aplikasi", "Klinik", "Pojok", "Jemput Bola"
    };

    static final String[] SUFFIXES = {
        "Terpadu", "Berbasis Warga", "Satu Pintu", "Tanpa Antre", "Ramah Anak", "Mandiri", "Sehat", "Cerdas"
    };

    static final List<Subject> SUBJECTS = List.of(
            new Subject("Antar Jemput Akta Kelahiran", "orang tua bayi baru lahir", "bayi yang memiliki akta"),
            new Subject("Pengaduan Warga Terpadu", "warga yang mengadu", "pengaduan yang selesai tepat waktu"),
            new Subject("Posyandu Remaja", "remaja usia sekolah", "remaja yang rutin diperiksa"),
            new Subject("Perizinan Satu Hari", "pelaku usaha kecil", "izin yang terbit dalam sehari"),
            new Subject("Bank Sampah Sekolah", "siswa dan guru", "sampah yang dipilah di sekolah"),
            new Subject("Kesehatan Ibu Hamil Risiko Tinggi", "ibu hamil berisiko tinggi", "persalinan yang selamat"),
            new Subject("Beasiswa Anak Nelayan", "anak keluarga nelayan", "anak nelayan yang lulus SMA"),
            new Subject("Pasar Tani Digital", "kelompok tani", "hasil panen yang terjual langsung"),
            new Subject(
                    "Rehabilitasi Sosial Berbasis Keluarga",
                    "penerima rehabilitasi sosial",
                    "penerima yang kembali ke keluarga"),
            new Subject("Pendampingan Lansia Terlantar", "lansia terlantar", "lansia yang didampingi rutin"),
            new Subject("Air Bersih Desa", "rumah tangga di desa", "rumah tangga yang mendapat air bersih"),
            new Subject("Ambulans Desa", "pasien gawat darurat di desa", "pasien yang tiba di rumah sakit cepat"),
            new Subject("Literasi Keuangan Perempuan", "perempuan kepala keluarga", "perempuan yang punya tabungan"),
            new Subject("Pelayanan Paspor Keliling", "calon pekerja migran", "paspor yang terbit tanpa calo"),
            new Subject("Sekolah Inklusi", "anak berkebutuhan khusus", "anak berkebutuhan khusus yang bersekolah"),
            new Subject("Pencegahan Stunting", "balita dan ibunya", "balita dengan tinggi badan normal"),
            new Subject(
                    "Pemberdayaan Penyandang Disabilitas",
                    "penyandang disabilitas",
                    "penyandang disabilitas yang bekerja"),
            new Subject("Pelayanan Adminduk di Desa", "warga desa terpencil", "dokumen kependudukan yang lengkap"),
            new Subject("Irigasi Tetes Hemat Air", "petani lahan kering", "lahan yang panen dua kali setahun"),
            new Subject("Penanganan Gizi Buruk", "balita bergizi buruk", "balita yang pulih gizinya"),
            new Subject("Tanggap Darurat Bencana", "warga di daerah rawan bencana", "laporan bencana yang ditangani"),
            new Subject("Pelatihan Kerja Pemuda", "pemuda lulusan SMA", "peserta yang bekerja setelah pelatihan"),
            new Subject("Rujukan Pasien Daring", "pasien rujukan puskesmas", "rujukan yang diterima tanpa ditolak"),
            new Subject("Keamanan Pangan Jajanan Sekolah", "pedagang jajanan sekolah", "jajanan yang lolos uji"),
            new Subject(
                    "Perlindungan Anak Berbasis Masyarakat",
                    "anak korban kekerasan",
                    "kasus anak yang ditangani tuntas"),
            new Subject("Antrean Puskesmas", "pasien puskesmas", "pasien yang dilayani kurang dari satu jam"));

    static final String[] PLACES = {
        "Kecamatan Parakan",
        "Desa Kledung",
        "Kelurahan Tamalanrea",
        "Kecamatan Wonosari",
        "Desa Waingapu Baru",
        "Kecamatan Tanjung Priok",
        "Kelurahan Antapani",
        "Desa Sumberagung",
        "Kecamatan Kalibaru",
        "Desa Lembah Hijau",
        "Kecamatan Pamboang",
        "Kelurahan Tembalang",
        "Desa Oeletsala",
        "Kecamatan Kuta Alam",
        "Desa Rantau Panjang",
        "Kecamatan Wamena Kota",
        "Kelurahan Sidorejo",
        "Desa Karangsari"
    };

    private static final String[] PROBLEM = {
        "Di {P}, {W} harus datang ke kantor {I} berulang kali sebelum {L} tuntas, dan banyak yang menyerah di tengah"
                + " jalan.",
        "Jarak ke pusat layanan yang jauh membuat {W} di {P} jarang mendapat {L}; ongkos perjalanan sering lebih"
                + " mahal dari layanannya sendiri.",
        "Data {W} tersebar di beberapa dinas, sehingga {L} di wilayah {I} berjalan lambat dan sering tumpang"
                + " tindih.",
        "Sebagian besar {W} tidak tahu hak mereka atas {L}; informasi hanya terpasang di papan pengumuman kantor"
                + " {I}.",
        "Petugas {I} yang sedikit kewalahan melayani {W} di {P}, antrean panjang terjadi setiap awal bulan."
    };
    private static final String[] BASELINE = {
        "Pada {Y0}, hanya {A} persen {M} di {P}; rata-rata satu urusan memerlukan {K} kali kunjungan.",
        "Survei awal {I} tahun {Y0} mencatat {A} persen {M}, jauh di bawah target daerah sebesar {B} persen.",
        "Sebelum inovasi dimulai, capaian {M} tercatat {A} persen dengan waktu tunggu sekitar {K} pekan.",
        "Laporan tahunan {Y0} menunjukkan {A} persen {M}, sementara keluhan {W} naik setiap triwulan.",
        "Angka awal yang dihimpun bersama puskesmas dan kantor desa: {A} persen {M} dari {N} sasaran."
    };
    private static final String[] APPROACH = {
        "Tim {I} membawa {L} langsung ke {P} memakai kendaraan dinas dan formulir yang dipangkas menjadi satu"
                + " halaman.",
        "Kader dari {N} desa dilatih mencatat kebutuhan {W} di ponsel; petugas {I} menindaklanjuti dalam dua hari"
                + " kerja.",
        "Semua dinas terkait memakai satu berkas bersama, sehingga {W} cukup sekali menyerahkan persyaratan {L}.",
        "Jadwal layanan keliling diumumkan lewat masjid, gereja dan grup percakapan warga {P} setiap Jumat.",
        "Pemerintah desa, tokoh adat dan relawan setempat menjadi simpul layanan, didampingi pendamping dari {I}."
    };
    private static final String[] RESULTS = {
        "Setelah {K} bulan, {B} persen {M} di {P}; kunjungan berulang nyaris tidak ada lagi.",
        "Capaian {M} naik dari {A} menjadi {B} persen, dan biaya yang ditanggung {W} turun lebih dari separuh.",
        "Hingga akhir {Y1}, {N} orang terlayani dan {B} persen {M}, melampaui target rencana strategis {I}.",
        "Evaluasi independen mencatat {B} persen {M}; keluhan {W} turun tajam menurut kotak saran digital.",
        "Pola ini kini dipakai di {N} desa lain, dengan {B} persen {M} pada tahun berjalan."
    };
    private static final Map<String, String[]> ANSWERS = Map.ofEntries(
            Map.entry("BACKGROUND", new String[] {
                "Masalah utamanya {L} yang sulit dijangkau {W} di {P}.",
                "Inovasi ini lahir dari keluhan {W} dalam musyawarah desa tahun {Y0}.",
                "Tujuan kami sederhana: {M} naik tanpa menambah beban {W}.",
                "Kepala {I} menugaskan tim kecil setelah melihat angka {A} persen pada {Y0}."
            }),
            Map.entry("CATEGORY_FIT", new String[] {
                "{L} termasuk layanan dasar yang menjadi urusan wajib daerah.",
                "Kategori ini cocok karena sasarannya {W} yang paling rentan di {P}.",
                "Inovasi menyentuh perlindungan sosial sekaligus tata kelola layanan {I}.",
                "Fokusnya pada hak {W} atas {L} yang selama ini terabaikan."
            }),
            Map.entry("SDG_PRIORITY", new String[] {
                "Mendukung tujuan pembangunan berkelanjutan tentang kemiskinan dan kesenjangan.",
                "Sejalan dengan prioritas nasional penguatan layanan dasar bagi {W}.",
                "Terkait langsung dengan target daerah untuk {M} dalam RPJMD {I}.",
                "Menyumbang pada target nasional yang dipantau Bappeda tiap semester."
            }),
            Map.entry("DESCRIPTION", new String[] {
                "Warga mendaftar di kantor desa, petugas datang sesuai jadwal, hasilnya diantar pulang.",
                "Setiap permintaan {L} tercatat dengan nomor, sehingga {W} bisa memantau prosesnya.",
                "Layanan buka dua hari sepekan di {P} dan sisanya lewat telepon.",
                "Petugas memakai daftar periksa sederhana agar tak ada syarat yang terlewat."
            }),
            Map.entry("INNOVATIVENESS", new String[] {
                "Belum ada daerah tetangga yang menjemput {L} sampai ke rumah {W}.",
                "Yang baru adalah satu berkas lintas dinas, bukan aplikasi tambahan.",
                "Kader desa menjadi perpanjangan tangan {I} dengan insentif kecil dari dana desa.",
                "Cara kerja ini membalik alur lama: layanan yang mendatangi {W}."
            }),
            Map.entry("TRANSFERABILITY", new String[] {
                "Biayanya rendah sehingga mudah ditiru kabupaten lain dengan kondisi serupa.",
                "Panduan kerja sudah dibagikan ke {N} daerah yang berkunjung belajar.",
                "Cukup satu petugas terlatih per kecamatan untuk memulai di tempat lain.",
                "Forum Bappeda se-provinsi memilihnya sebagai contoh untuk direplikasi."
            }),
            Map.entry("RESOURCES", new String[] {
                "Dana berasal dari APBD {I} sekitar {N} juta rupiah per tahun.",
                "Kendaraan dan ponsel memakai aset yang sudah ada; tambahan hanya bahan bakar.",
                "Sebagian biaya ditanggung dana desa dan tanggung jawab sosial perusahaan setempat.",
                "Tim inti terdiri atas {K} petugas dan relawan dari {P}."
            }),
            Map.entry("SUSTAINABILITY", new String[] {
                "Inovasi sudah diatur dalam peraturan kepala daerah sejak {Y1}.",
                "Anggarannya masuk rencana kerja rutin, tidak lagi bergantung pada proyek.",
                "Kader dilatih ulang setiap tahun sehingga layanan tetap berjalan saat petugas berganti.",
                "Desa mencantumkan kegiatan ini dalam RKPDes agar pendanaannya berlanjut."
            }),
            Map.entry("RESULTS", new String[] {
                "Capaian {M} naik dari {A} ke {B} persen dalam {K} bulan.",
                "Data dari sistem {I} menunjukkan {N} orang terlayani pada tahun pertama.",
                "Waktu tunggu turun dari {K} pekan menjadi beberapa hari saja.",
                "Kepuasan {W} mencapai {B} persen menurut survei kepuasan masyarakat."
            }),
            Map.entry("STAKEHOLDERS", new String[] {
                "Melibatkan kepala desa, PKK, puskesmas dan tokoh agama di {P}.",
                "Organisasi penyandang disabilitas dan karang taruna ikut merancang alurnya.",
                "Perguruan tinggi setempat membantu evaluasi dan pelatihan kader.",
                "Dunia usaha menyumbang sarana, pemerintah desa menyediakan tempat."
            }),
            Map.entry("LESSONS", new String[] {
                "Pelajaran terbesar: dengarkan {W} sebelum membuat formulir.",
                "Perubahan kecil yang konsisten lebih berhasil daripada aplikasi mahal.",
                "Kader lokal lebih dipercaya warga dibanding petugas dari kota.",
                "Data harus dibagi antar dinas sejak awal, bukan setelah masalah muncul."
            }),
            Map.entry("ADAPTATION", new String[] {
                "Kami menyesuaikan jadwal dengan musim tanam di {P}.",
                "Formulir diterjemahkan ke bahasa daerah agar mudah dipahami {W}."
            }),
            Map.entry("DEVELOPMENT", new String[] {
                "Sejak menang, layanan diperluas ke {N} desa baru.",
                "Pengembangan terbaru menambahkan layanan malam bagi {W} yang bekerja."
            }));
    private static final String[] CLOSING = {
        "Bukti pendukung terlampir berupa foto kegiatan dan rekap data {Y1}.",
        "Rinciannya dapat dicek pada laporan kinerja {I} tahun {Y1}.",
        "Angka-angka ini diverifikasi inspektorat daerah pada akhir {Y1}.",
        "Semua data dipilah menurut jenis kelamin dan kelompok usia.",
        "Warga {P} dapat dihubungi untuk memastikan manfaatnya.",
        "Kami terus memperbaiki layanan berdasarkan masukan bulanan dari {W}.",
        "Rekaman video kegiatan dapat diputar dari tautan pada profil inovasi.",
        "Laporan triwulanan disampaikan kepada DPRD dan dipublikasikan di laman {I}.",
        "Pendamping dari provinsi memantau pelaksanaan dua kali setahun.",
        "Tantangan yang tersisa adalah sinyal telepon di beberapa dusun terpencil.",
        "Kelompok rentan di {P} mendapat prioritas jadwal kunjungan.",
        "Ringkasan capaian ditempel di setiap kantor desa agar warga ikut mengawasi."
    };

    /** Words each unit writes in its own way: one choice per innovation, so that the same sentence reads differently. */
    private static final String[][] SYNONYMS = {
        {"warga", "masyarakat", "penduduk"},
        {"petugas", "aparatur", "pegawai"},
        {"layanan", "pelayanan", "urusan"},
        {"kader", "relawan", "pendamping lokal"},
        {"desa", "kampung", "nagari"},
        {"persen", "%", "prosen"},
        {"inovasi", "terobosan", "gagasan baru"},
        {"turun", "berkurang", "menurun"},
        {"naik", "meningkat", "bertambah"},
        {"data", "catatan", "rekap"},
        {"tahun", "tahun anggaran", "periode"},
        {"setiap", "tiap", "saban"},
        {"sehingga", "agar", "supaya"},
        {"dinas", "perangkat daerah", "OPD"},
        {"jadwal", "agenda", "rencana kunjungan"}
    };

    private InnovationDemoTexts() {}

    /** A title of the generated innovation number {@code n} (numbered, so that titles never repeat). */
    static String title(Random random, Subject subject, int n) {
        return KINDS[random.nextInt(KINDS.length)] + " " + subject.name() + " "
                + SUFFIXES[random.nextInt(SUFFIXES.length)] + (n > 0 ? " " + n : "");
    }

    static Subject subject(Random random) {
        return SUBJECTS.get(random.nextInt(SUBJECTS.size()));
    }

    /** The texts of an innovation of {@code agency} that started in {@code startYear}, answering {@code aspects}. */
    static Text text(Random random, Subject subject, String agency, int startYear, List<String> aspects) {
        int a = 15 + random.nextInt(40);
        Map<String, String> values = Map.of(
                "{L}", subject.name().toLowerCase(Locale.ROOT),
                "{W}", subject.who(),
                "{M}", subject.measure(),
                "{I}", agency,
                "{P}", PLACES[random.nextInt(PLACES.length)],
                "{A}", String.valueOf(a),
                "{B}", String.valueOf(Math.min(99, a + 20 + random.nextInt(30))),
                "{K}", String.valueOf(3 + random.nextInt(10)),
                "{N}", String.valueOf(12 + random.nextInt(900)),
                "{Y0}", String.valueOf(startYear - 1));
        Map<String, String> all = new java.util.LinkedHashMap<>();
        for (String[] words : SYNONYMS) {
            all.put(words[0], words[random.nextInt(words.length)]);
        }
        all.putAll(values);
        all.put("{Y1}", String.valueOf(startYear + 1));
        String problem = fill(PROBLEM[random.nextInt(PROBLEM.length)], all);
        String baseline = fill(BASELINE[random.nextInt(BASELINE.length)], all);
        String approach = fill(APPROACH[random.nextInt(APPROACH.length)], all);
        String results = fill(RESULTS[random.nextInt(RESULTS.length)], all);
        // every answer: a sentence of its aspect, then one of the innovation's own parts (a unit repeats its story)
        List<String> own = new ArrayList<>(List.of(problem, baseline, approach, results));
        own.add(fill(CLOSING[random.nextInt(CLOSING.length)], all));
        java.util.Collections.shuffle(own, random);
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        int c = 0;
        for (String aspect : aspects) {
            String[] pool = ANSWERS.getOrDefault(aspect, CLOSING);
            answers.put(aspect, fill(pool[random.nextInt(pool.length)], all) + " " + own.get(c++ % own.size()));
        }
        return new Text(problem, baseline, approach, results, answers);
    }

    private static String fill(String pattern, Map<String, String> values) {
        String out = pattern;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = e.getKey().startsWith("{")
                    ? out.replace(e.getKey(), e.getValue())
                    : out.replaceAll("\\b" + e.getKey() + "\\b", e.getValue());
        }
        return Character.toUpperCase(out.charAt(0)) + out.substring(1);
    }
}
