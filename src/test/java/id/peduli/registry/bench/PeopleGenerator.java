package id.peduli.registry.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import net.datafaker.Faker;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a benchmark data set of people in households: Indonesian names (Javanese single names, Islamic names with
 * their spelling variants, Batak clan names, Balinese birth-order names, old spellings such as Soe- and Dj-), real
 * village codes from the bundled Kemendagri list, RT/RW and street, households of one to eight with a head, spouse,
 * children and sometimes a grandparent, a family card (KK) number per household, and NIKs that agree with the
 * person's district, sex and birth date (day + 40 for women; unique serials). Some people have no NIK, some only a
 * birth year, some a disability.
 *
 * <p>Besides {@code people.csv} it writes query files for the load test: {@code names-typo.tsv} (a person's name
 * with one typo, a tab, the name as registered), {@code niks.txt} and {@code kks.txt}.
 *
 * <p>Run after {@code ./mvnw -q test-compile}: {@code java -cp <test classpath> id.peduli.registry.bench.
 * PeopleGenerator <people> <output dir> [seed]}. The same count and seed give the same files.
 */
public final class PeopleGenerator {

    static final String HEADER_COLUMNS = "household,relationship,full_name,sex,birth_date,birth_year,approximate,nik,"
            + "kk,kk_from,region_code,rt,rw,street,disability_types";
    static final int QUERY_COUNT = 20_000;

    private static final List<String> MALE_GIVEN = List.of(
            "Agus",
            "Ahmad",
            "Andi",
            "Arif",
            "Bambang",
            "Bayu",
            "Budi",
            "Dedi",
            "Dwi",
            "Eko",
            "Fajar",
            "Hadi",
            "Hendra",
            "Heru",
            "Iwan",
            "Joko",
            "Rudi",
            "Slamet",
            "Teguh",
            "Wahyu",
            "Yusuf",
            "Rizki",
            "Fauzan",
            "Ilham",
            "Irfan",
            "Ridwan",
            "Hasan",
            "Husein",
            "Rahmat",
            "Hidayat",
            "Taufik",
            "Nur",
            "Dimas",
            "Bagus",
            "Aditya",
            "Fikri",
            "Reza",
            "Yoga",
            "Adi",
            "Aris",
            "Asep",
            "Ujang",
            "Dadang",
            "Ade",
            "Iqbal",
            "Faisal",
            "Hamzah",
            "Umar",
            "Ali",
            "Syaiful",
            "Zainal",
            "Arief",
            "Imam",
            "Ari",
            "Tri",
            "Catur",
            "Gilang",
            "Rendi",
            "Doni",
            "Dani",
            "Sigit",
            "Wawan",
            "Kusnadi",
            "Samsul",
            "Solikin",
            "Kholil",
            "Mansur",
            "Harun",
            "Luthfi",
            "Yudi",
            "Feri",
            "Galih",
            "Bima",
            "Satria",
            "Wisnu",
            "Anton",
            "Dodi",
            "Edi",
            "Gatot",
            "Haris",
            "Jaya",
            "Krisna",
            "Lukman",
            "Mukhlis",
            "Nanang",
            "Panji",
            "Rohmat",
            "Sofyan",
            "Yanto",
            "Yohanes",
            "Petrus",
            "Markus",
            "Yosef",
            "Stefanus",
            "Fransiskus",
            "Antonius",
            "Abdul",
            "Abdullah",
            "Syamsul",
            "Kurniawan",
            "Hery");
    private static final List<String> MALE_YOUNG = List.of(
            "Rizky",
            "Rafi",
            "Farhan",
            "Rayhan",
            "Naufal",
            "Akbar",
            "Alif",
            "Daffa",
            "Fadhil",
            "Kevin",
            "Raka",
            "Arkan",
            "Azka",
            "Bintang",
            "Dafa",
            "Fathan",
            "Ghani",
            "Haikal",
            "Kenzo",
            "Rasya",
            "Zidan",
            "Abimanyu",
            "Aldi",
            "Dika",
            "Gibran",
            "Rafael",
            "Vino",
            "Yusril",
            "Zaki",
            "Arya");
    private static final List<String> MALE_FAMILY = List.of(
            "Saputra",
            "Pratama",
            "Hidayat",
            "Nugroho",
            "Wibowo",
            "Santoso",
            "Susanto",
            "Kurniawan",
            "Setiawan",
            "Prasetyo",
            "Gunawan",
            "Hermawan",
            "Firmansyah",
            "Ramadhan",
            "Maulana",
            "Syahputra",
            "Wijaya",
            "Purnomo",
            "Sulistyo",
            "Hartono",
            "Permana",
            "Hakim",
            "Rahman",
            "Fauzi",
            "Hidayatullah",
            "Nurdin",
            "Iskandar",
            "Suryadi",
            "Haryanto",
            "Sutanto",
            "Budiman",
            "Subagyo",
            "Supriyadi",
            "Riyanto",
            "Prabowo",
            "Utomo",
            "Kusuma",
            "Wicaksono",
            "Anshori",
            "Mubarok",
            "Effendi",
            "Rosyid",
            "Zulkarnain",
            "Syahrul");
    private static final List<String> MALE_SINGLE = List.of(
            "Sutrisno",
            "Suparman",
            "Sukirman",
            "Paijo",
            "Tukiman",
            "Wagiman",
            "Ponimin",
            "Karto",
            "Sumarno",
            "Suyatno",
            "Mardi",
            "Parjo",
            "Sarmin",
            "Kasimin",
            "Tarno",
            "Jumadi",
            "Sugiyono",
            "Mulyadi",
            "Purwanto",
            "Supardi",
            "Sukardi",
            "Rusdi",
            "Darto",
            "Ngadiman",
            "Sadimin",
            "Paimin",
            "Legiman",
            "Sunaryo",
            "Sutarno",
            "Sugeng",
            "Mulyono",
            "Suroso",
            "Suwarno",
            "Sumardi",
            "Sarijo",
            "Karjo",
            "Darmaji",
            "Suyono",
            "Suhadi",
            "Kasno",
            "Sukarno",
            "Sujono",
            "Sunardi",
            "Sutikno",
            "Marsudi",
            "Ngatijo",
            "Wiryo",
            "Jumali",
            "Suratman",
            "Joyo",
            "Sumadi",
            "Tugiman",
            "Sarno",
            "Katiman",
            "Sukarman",
            "Suprapto",
            "Jamal",
            "Samijo",
            "Kadiman");
    private static final List<String> BATAK_MARGA = List.of(
            "Siregar",
            "Nasution",
            "Harahap",
            "Lubis",
            "Simanjuntak",
            "Sitompul",
            "Hutapea",
            "Pane",
            "Tanjung",
            "Rangkuti",
            "Sinaga",
            "Simatupang",
            "Hutagalung",
            "Panjaitan",
            "Situmorang",
            "Sihombing",
            "Manurung",
            "Pardede",
            "Silalahi",
            "Tambunan",
            "Purba",
            "Damanik",
            "Saragih",
            "Ginting",
            "Tarigan",
            "Sembiring");
    private static final List<String> BALI_ORDER =
            List.of("Putu", "Made", "Kadek", "Nyoman", "Komang", "Ketut", "Gede");
    private static final List<String> BALI_GIVEN = List.of(
            "Suardana",
            "Sudarma",
            "Wirawan",
            "Artawan",
            "Suarjana",
            "Budiasa",
            "Mahendra",
            "Adnyana",
            "Sukerta",
            "Arimbawa",
            "Astuti",
            "Ariani",
            "Sriasih",
            "Widiantari",
            "Sukmawati",
            "Lestari",
            "Dewi",
            "Suryani");
    private static final List<String> FEMALE_GIVEN = List.of(
            "Dewi",
            "Ani",
            "Rina",
            "Wati",
            "Yuli",
            "Ratna",
            "Indah",
            "Putri",
            "Ayu",
            "Dian",
            "Fitri",
            "Eka",
            "Dwi",
            "Tri",
            "Endang",
            "Aminah",
            "Fatimah",
            "Khadijah",
            "Aisyah",
            "Nurul",
            "Rahma",
            "Wulan",
            "Novi",
            "Mega",
            "Ika",
            "Yuni",
            "Rini",
            "Tuti",
            "Ernawati",
            "Suryani",
            "Mulyani",
            "Rohmah",
            "Maria",
            "Theresia",
            "Lina",
            "Heni",
            "Yanti",
            "Sari",
            "Desi",
            "Evi",
            "Fatma",
            "Hana",
            "Ida",
            "Juwita",
            "Kartika",
            "Lilis",
            "Mira",
            "Nia",
            "Nining",
            "Puji",
            "Ratih",
            "Retno",
            "Rosita",
            "Sinta",
            "Susi",
            "Tika",
            "Umi",
            "Vivi",
            "Winarti",
            "Yayuk",
            "Yeni",
            "Zahra",
            "Anis",
            "Atik",
            "Erna",
            "Harni",
            "Iis",
            "Kiki",
            "Laila",
            "Marlina",
            "Neni");
    private static final List<String> FEMALE_YOUNG = List.of(
            "Nabila",
            "Salsabila",
            "Aulia",
            "Anisa",
            "Zahra",
            "Alya",
            "Kayla",
            "Nayla",
            "Keisha",
            "Azzahra",
            "Syifa",
            "Aqila",
            "Khansa",
            "Naura",
            "Shakira",
            "Cantika",
            "Najwa",
            "Dinda",
            "Citra",
            "Tiara",
            "Amelia",
            "Amanda",
            "Adinda",
            "Fadhila",
            "Hasna",
            "Intan",
            "Livia",
            "Nadia",
            "Rania",
            "Zaskia");
    private static final List<String> FEMALE_PREFIX =
            List.of("Siti", "Siti", "Siti", "Sri", "Sri", "Nur", "Dewi", "Endang", "Tri", "Dwi");
    private static final List<String> FEMALE_FAMILY = List.of(
            "Lestari",
            "Wulandari",
            "Rahayu",
            "Handayani",
            "Purwanti",
            "Susanti",
            "Kurniasih",
            "Setyaningsih",
            "Puspitasari",
            "Anggraini",
            "Maharani",
            "Safitri",
            "Ramadhani",
            "Novitasari",
            "Pratiwi",
            "Utami",
            "Wahyuni",
            "Hidayati",
            "Nurhayati",
            "Kusumawati",
            "Rahmawati",
            "Sulistyowati",
            "Fitriani",
            "Oktaviani",
            "Permatasari",
            "Damayanti",
            "Apriliani",
            "Yuliani",
            "Hartati",
            "Mulyani",
            "Ningsih",
            "Aminah",
            "Fatimah",
            "Khasanah",
            "Maryam",
            "Zulaikha",
            "Halimah",
            "Rohani",
            "Sundari",
            "Astuti",
            "Yulianti",
            "Sumarni",
            "Muslimah",
            "Nuraini",
            "Solehah",
            "Marfuah",
            "Sholihah",
            "Lestiani",
            "Indriani",
            "Agustina");
    private static final List<String> FEMALE_SINGLE = List.of(
            "Suparmi",
            "Sumiyati",
            "Tumini",
            "Painem",
            "Sukinah",
            "Juminten",
            "Wagiyem",
            "Partini",
            "Ngatini",
            "Suyatmi",
            "Sulastri",
            "Tukinem",
            "Sarmi",
            "Jumirah",
            "Kasiyem",
            "Marni",
            "Parmi",
            "Suwarni",
            "Poniyem",
            "Sainem",
            "Rukmini",
            "Karsinah",
            "Legiyem",
            "Sumarni",
            "Sutini",
            "Mujiyem",
            "Tuminah",
            "Ngatiyem",
            "Sumirah",
            "Sarinah",
            "Surani",
            "Warsini",
            "Tarmi",
            "Wartini",
            "Sukarti",
            "Jumiati",
            "Kasmini",
            "Sriyani",
            "Samini",
            "Tukiyem",
            "Suminah",
            "Rasmi",
            "Darmi",
            "Sulasmi",
            "Ponirah",
            "Wakijah",
            "Saminem",
            "Sumiati",
            "Tentrem",
            "Jamilah");
    /** Javanese and Indonesian names are often built from a stem and an ending: Sugiyanto, Suyatmi, Rahmawati. */
    private static final List<String> STEMS = List.of(
            "Su", "Sugi", "Supri", "Suyat", "Sumar", "Sukar", "Suhar", "Wahyu", "Budi", "Hadi", "Agus", "Eko", "Rudi",
            "Heri", "Andi", "Dedi", "Nur", "Rahmat", "Hidayat", "Yudi", "Iwan", "Kus", "War", "Mar", "Sar", "Tar",
            "Pur", "Har", "Win", "Ari", "Jum", "Pon", "Ngad", "Kar", "Sapt", "Wid", "Mul", "Darm", "Sant", "Set", "Gun",
            "Herm", "Kurni", "Fir", "Rizk", "Nugr", "Yul", "Sulis", "Sup", "Sut", "Suw", "Sun", "Sud", "Sum", "Sus",
            "Suk", "Suj", "Sal", "Sam", "Rus", "Jam", "Kas", "Rah", "Ros", "Las", "Indr", "Wij", "Tug", "Samp", "Parj",
            "Wag", "Tuk", "Rob", "Asm", "Ism", "Sal", "Mis", "Tris", "Bas", "Dar", "Jaw", "Kam");

    private static final List<String> MALE_ENDINGS = List.of(
            "yanto", "yono", "anto", "ono", "adi", "man", "wan", "di", "no", "to", "ardi", "arno", "aryo", "udin",
            "ansyah", "iono", "mo", "ijo", "iman", "anta", "ito", "ali", "ikin", "ijan");
    private static final List<String> FEMALE_ENDINGS = List.of(
            "yanti", "yani", "anti", "ini", "wati", "ningsih", "sih", "iyah", "ah", "ni", "ti", "yati", "arti", "arni",
            "ina", "ita", "ika", "iyem", "inem", "atun", "iyati", "umi", "asih", "ilah");
    private static final List<String> MUHAMMAD = List.of(
            "Muhammad",
            "Muhammad",
            "Muhammad",
            "Muhammad",
            "Muhamad",
            "Muhamad",
            "Mohammad",
            "Mohamad",
            "Moch.",
            "Mochammad",
            "Muh.",
            "M.");
    private static final String[] DISABILITY = {"PHYSICAL", "INTELLECTUAL", "MENTAL", "SENSORY"};

    private final Random random;
    private final Faker faker;
    private final LocalDate today;
    private final Map<String, List<String>> villagesByProvince;
    private final List<String> otherProvinces;
    private final Map<String, Integer> serials = new HashMap<>();
    private long households;

    PeopleGenerator(long seed, LocalDate today, Map<String, List<String>> villagesByProvince) {
        this.random = new Random(seed);
        this.faker = new Faker(Locale.forLanguageTag("id"), new Random(seed + 1));
        this.today = today;
        this.villagesByProvince = villagesByProvince;
        this.otherProvinces = villagesByProvince.keySet().stream()
                .filter(p -> !List.of("15", "33", "34", "35").contains(p))
                .sorted()
                .toList();
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: PeopleGenerator <people> <output dir> [seed]");
        }
        int people = Integer.parseInt(args[0]);
        Path directory = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261128L;
        Files.createDirectories(directory);
        PeopleGenerator generator = new PeopleGenerator(seed, LocalDate.of(2026, 11, 28), villages());
        long started = System.nanoTime();
        Summary summary = generator.write(people, directory);
        System.out.printf(
                "Wrote %,d people in %,d households to %s in %d ms%n",
                summary.people(),
                summary.households(),
                directory.resolve("people.csv"),
                (System.nanoTime() - started) / 1_000_000);
    }

    record Summary(int people, long households) {}

    /** One generated person; {@code birthDate} null when only the year is known. */
    record Person(
            long household,
            String relationship,
            String fullName,
            char sex,
            LocalDate birthDate,
            int birthYear,
            String nik,
            String kk,
            LocalDate kkFrom,
            String regionCode,
            String rt,
            String rw,
            String street,
            List<String> disabilities) {}

    /** The village codes of the bundled region list by province code. */
    static Map<String, List<String>> villages() throws IOException {
        Map<String, List<String>> villages = new LinkedHashMap<>();
        try (InputStream raw = PeopleGenerator.class.getResourceAsStream("/region/kemendagri-regions.csv.gz")) {
            if (raw == null) {
                throw new IOException("region/kemendagri-regions.csv.gz is not on the class path");
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            String line = reader.readLine();
            while ((line = reader.readLine()) != null) {
                int comma = line.indexOf(',');
                String code = line.substring(0, comma);
                if (code.length() == 13) {
                    villages.computeIfAbsent(code.substring(0, 2), p -> new ArrayList<>())
                            .add(code);
                }
            }
        }
        return villages;
    }

    Summary write(int count, Path directory) throws IOException {
        List<String> typos = new ArrayList<>();
        List<String> niks = new ArrayList<>();
        List<String> kks = new ArrayList<>();
        int written = 0;
        int sampleEvery = Math.max(1, count / QUERY_COUNT);
        try (Writer out = Files.newBufferedWriter(directory.resolve("people.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(
                        out,
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader(HEADER_COLUMNS.split(","))
                                .get())) {
            while (written < count) {
                for (Person person : household(Math.min(8, count - written))) {
                    csv.printRecord(
                            person.household(),
                            person.relationship(),
                            person.fullName(),
                            String.valueOf(person.sex()),
                            person.birthDate() == null ? "" : person.birthDate().toString(),
                            person.birthYear(),
                            person.birthDate() == null,
                            person.nik() == null ? "" : person.nik(),
                            person.kk(),
                            person.kkFrom().toString(),
                            person.regionCode(),
                            person.rt(),
                            person.rw(),
                            person.street(),
                            String.join(" ", person.disabilities()));
                    if (written % sampleEvery == 0) {
                        typos.add(typo(person.fullName()) + "\t" + person.fullName());
                        if (person.nik() != null) {
                            niks.add(person.nik());
                        }
                        if ("HEAD".equals(person.relationship())) {
                            kks.add(person.kk());
                        }
                    }
                    written++;
                }
            }
        }
        shuffle(typos);
        shuffle(niks);
        Files.write(directory.resolve("names-typo.tsv"), typos, StandardCharsets.UTF_8);
        Files.write(directory.resolve("niks.txt"), niks, StandardCharsets.UTF_8);
        Files.write(directory.resolve("kks.txt"), kks, StandardCharsets.UTF_8);
        return new Summary(written, households);
    }

    /** One household of up to {@code max} people sharing a village, RT/RW, street and KK. */
    List<Person> household(int max) {
        long id = ++households;
        int size = Math.min(max, householdSize());
        String village = village();
        String rt = String.format("%03d", 1 + random.nextInt(12));
        String rw = String.format("%03d", 1 + random.nextInt(8));
        String street = random.nextInt(3) == 0
                ? "Dusun "
                        + pick(List.of("Krajan", "Kidul", "Lor", "Wetan", "Kulon", "Tengah", "Sidomulyo", "Sukamaju"))
                : faker.address().streetAddress();
        String district = village.substring(0, 8);
        LocalDate kkFrom = today.minusDays(30 + random.nextInt(15 * 365));
        String kk = number(district, kkFrom.getDayOfMonth(), kkFrom);
        List<Person> members = new ArrayList<>();
        boolean batak = random.nextInt(100) < 6;
        boolean bali = !batak && random.nextInt(100) < 3;
        String marga = batak ? pick(BATAK_MARGA) : null;
        int headAge = size == 1 ? 18 + random.nextInt(70) : 25 + random.nextInt(50);
        char headSex = random.nextInt(100) < (size == 1 ? 50 : 82) ? 'M' : 'F';
        members.add(person(id, "HEAD", headSex, headAge, marga, bali, district, kk, kkFrom, village, rt, rw, street));
        int slots = size - 1;
        if (slots > 0 && random.nextInt(100) < 85) {
            int age = Math.max(18, headAge + random.nextInt(11) - 5);
            char sex = headSex == 'M' ? 'F' : 'M';
            members.add(person(id, "SPOUSE", sex, age, null, bali, district, kk, kkFrom, village, rt, rw, street));
            slots--;
        }
        if (slots > 1 && headAge < 60 && random.nextInt(100) < 15) {
            int age = Math.min(100, headAge + 22 + random.nextInt(12));
            char sex = random.nextBoolean() ? 'M' : 'F';
            members.add(person(id, "PARENT", sex, age, null, bali, district, kk, kkFrom, village, rt, rw, street));
            slots--;
        }
        for (int i = 0; i < slots; i++) {
            int oldest = Math.max(0, headAge - 18);
            int age = oldest == 0 ? 0 : random.nextInt(Math.min(oldest, 30) + 1);
            String relationship = headAge > 55 && age < 10
                    ? "GRANDCHILD"
                    : i == slots - 1 && random.nextInt(20) == 0 ? "OTHER_RELATIVE" : "CHILD";
            char sex = random.nextBoolean() ? 'M' : 'F';
            members.add(person(id, relationship, sex, age, marga, bali, district, kk, kkFrom, village, rt, rw, street));
        }
        return members;
    }

    private Person person(
            long household,
            String relationship,
            char sex,
            int age,
            String marga,
            boolean bali,
            String district,
            String kk,
            LocalDate kkFrom,
            String village,
            String rt,
            String rw,
            String street) {
        boolean approximate = age > 40 && random.nextInt(100) < 25;
        LocalDate birthDate = today.minusYears(age).minusDays(random.nextInt(365));
        int birthYear = birthDate.getYear();
        String nik = null;
        if (random.nextInt(100) >= (age < 5 ? 30 : 8)) {
            // Most people got their NIK where they live; some moved since.
            String issued = random.nextInt(100) < 90 ? district : village().substring(0, 8);
            LocalDate encoded = approximate ? LocalDate.of(birthYear, 7, 1) : birthDate;
            nik = number(issued, encoded.getDayOfMonth() + (sex == 'F' ? 40 : 0), encoded);
        }
        List<String> disabilities = new ArrayList<>();
        if (random.nextInt(100) < 30) {
            disabilities.add(DISABILITY[random.nextInt(DISABILITY.length)]);
            if (random.nextInt(100) < 12) {
                String second = DISABILITY[random.nextInt(DISABILITY.length)];
                if (!disabilities.contains(second)) {
                    disabilities.add(second);
                }
            }
        }
        return new Person(
                household,
                relationship,
                name(sex, age, marga, bali),
                sex,
                approximate ? null : birthDate,
                birthYear,
                nik,
                kk,
                kkFrom,
                village,
                rt,
                rw,
                street,
                disabilities);
    }

    /** A NIK or KK: district code, day (+40 for women in a NIK), month, two-digit year, unique serial. */
    private String number(String district, int day, LocalDate date) {
        String prefix = district.replace(".", "")
                + String.format("%02d%02d%02d", day, date.getMonthValue(), date.getYear() % 100);
        int serial = serials.merge(prefix, 1, Integer::sum);
        if (serial > 9999) {
            throw new IllegalStateException("more than 9999 numbers for " + prefix);
        }
        return prefix + String.format("%04d", serial);
    }

    String name(char sex, int age, String marga, boolean bali) {
        boolean young = age < 25;
        boolean old = age > 45;
        String name;
        if (bali) {
            name = (sex == 'F' ? "Ni " : "I ") + pick(BALI_ORDER) + " " + pick(BALI_GIVEN);
        } else if (sex == 'M') {
            int pattern = random.nextInt(100);
            if (old && pattern < 30) {
                name = random.nextBoolean() ? pick(MALE_SINGLE) : composed('M');
            } else if (pattern >= 30 && pattern < 52) {
                name = pick(MUHAMMAD) + " " + (young ? pick(MALE_YOUNG) : pick(MALE_GIVEN))
                        + (random.nextBoolean() ? " " + pick(MALE_FAMILY) : "");
            } else if (pattern < 85) {
                name = (young ? pick(MALE_YOUNG) : pick(MALE_GIVEN)) + " "
                        + (random.nextInt(100) < 40 ? composed('M') : pick(MALE_FAMILY));
            } else if (pattern < 93) {
                name = pick(MALE_GIVEN) + " " + pick(MALE_GIVEN) + " " + pick(MALE_FAMILY);
            } else {
                name = faker.name().firstName() + " " + faker.name().lastName();
            }
        } else {
            int pattern = random.nextInt(100);
            if (old && pattern < 30) {
                name = random.nextBoolean() ? pick(FEMALE_SINGLE) : composed('F');
            } else if (pattern < 55) {
                int kind = random.nextInt(3);
                name = pick(FEMALE_PREFIX) + " "
                        + (kind == 0 ? pick(FEMALE_FAMILY) : kind == 1 ? pick(FEMALE_GIVEN) : composed('F'));
            } else if (pattern < 88) {
                name = (young ? pick(FEMALE_YOUNG) : pick(FEMALE_GIVEN)) + " "
                        + (random.nextInt(100) < 40 ? composed('F') : pick(FEMALE_FAMILY));
            } else {
                name = (young ? pick(FEMALE_YOUNG) : pick(FEMALE_GIVEN)) + " " + pick(FEMALE_GIVEN) + " "
                        + pick(FEMALE_FAMILY);
            }
        }
        if (marga != null && !name.endsWith(marga)) {
            name = name.split(" ")[0] + " " + marga;
        }
        return old && random.nextInt(100) < 20 ? oldSpelling(name) : name;
    }

    /** A name made of a stem and an ending that goes with the sex: Sugiyanto, Sugiyanti. */
    private String composed(char sex) {
        String stem = pick(STEMS);
        String ending = pick(sex == 'M' ? MALE_ENDINGS : FEMALE_ENDINGS);
        return stem + (stem.endsWith(String.valueOf(ending.charAt(0))) ? ending.substring(1) : ending);
    }

    /** Spellings from before 1972, still on many older people's papers: Soe- for Su-, Dj for J. */
    private static String oldSpelling(String name) {
        return name.replace("Su", "Soe").replace("su", "soe").replace("J", "Dj");
    }

    /** The name with one typing error in a word of four letters or more, away from its first letter. */
    String typo(String name) {
        String[] words = name.split(" ");
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() >= 4 && words[i].chars().allMatch(Character::isLetter)) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return name;
        }
        int index = candidates.get(random.nextInt(candidates.size()));
        StringBuilder word = new StringBuilder(words[index]);
        int position = 1 + random.nextInt(word.length() - 1);
        char letter = (char) ('a' + random.nextInt(26));
        switch (random.nextInt(4)) {
            case 0 -> word.setCharAt(position, letter);
            case 1 -> word.deleteCharAt(position);
            case 2 -> word.insert(position, letter);
            default -> {
                int other = position == word.length() - 1 ? position - 1 : position + 1;
                char c = word.charAt(position);
                word.setCharAt(position, word.charAt(other));
                word.setCharAt(other, c);
            }
        }
        words[index] = word.toString();
        return String.join(" ", words);
    }

    private int householdSize() {
        int roll = random.nextInt(100);
        if (roll < 10) {
            return 1;
        } else if (roll < 25) {
            return 2;
        } else if (roll < 45) {
            return 3;
        } else if (roll < 70) {
            return 4;
        } else if (roll < 85) {
            return 5;
        } else if (roll < 94) {
            return 6;
        }
        return 7 + random.nextInt(2);
    }

    /** Most people live where the demo units work (Central Java, East Java, Yogyakarta, Jambi); some elsewhere. */
    private String village() {
        int roll = random.nextInt(100);
        String province;
        if (roll < 35) {
            province = "33";
        } else if (roll < 55) {
            province = "35";
        } else if (roll < 65) {
            province = "34";
        } else if (roll < 80) {
            province = "15";
        } else {
            province = pick(otherProvinces);
        }
        return pick(villagesByProvince.get(province));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private void shuffle(List<String> values) {
        java.util.Collections.shuffle(values, random);
    }
}
