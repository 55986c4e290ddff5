package id.peduli.registry.person;

import java.util.List;

/** Given names of the demo people, common in the story's places: Central Java around the workshops, and Jambi. */
final class DemoNames {

    private DemoNames() {}

    static final List<String> JAVA_MEN = List.of(
            "Slamet",
            "Sugeng",
            "Bambang",
            "Joko",
            "Budi Santoso",
            "Agus Salim",
            "Wahyudi",
            "Sutrisno",
            "Eko Prasetyo",
            "Heru Susanto",
            "Darmaji",
            "Sukardi",
            "Triyono",
            "Suparman",
            "Teguh Wibowo",
            "Purwanto",
            "Rahmat Hidayat",
            "Ahmad Fauzi",
            "Yusuf Efendi",
            "Hartono");
    static final List<String> JAVA_WOMEN = List.of(
            "Sri Rahayu",
            "Siti Aminah",
            "Suwarni",
            "Sumiyati",
            "Endang Lestari",
            "Tri Wahyuni",
            "Rini Astuti",
            "Dwi Astuti",
            "Sulastri",
            "Wartini",
            "Ngatini",
            "Partini",
            "Yuliani",
            "Puji Lestari",
            "Kartika Sari",
            "Ratna Dewi",
            "Lestari",
            "Winarsih",
            "Marsini",
            "Tumini");
    static final List<String> JAVA_CHILDREN_M =
            List.of("Aditya", "Bagus", "Dimas", "Fajar", "Galih", "Krisna", "Nanda", "Rizky Pratama", "Wahyu", "Yoga");
    static final List<String> JAVA_CHILDREN_F =
            List.of("Anisa", "Ayu Lestari", "Dewi", "Fitri", "Indah", "Nur Aini", "Putri", "Rahma", "Safitri", "Wulan");
    static final List<String> JAMBI_MEN = List.of(
            "Abdul Rahman",
            "Zulkifli",
            "Syamsul Bahri",
            "Hasan Basri",
            "Muhammad Yusuf",
            "Azhar",
            "Rusdi",
            "Junaidi",
            "Firdaus",
            "Hendri",
            "Ismail",
            "Mahmud",
            "Ramli",
            "Syahrial",
            "Taufik");
    static final List<String> JAMBI_WOMEN = List.of(
            "Nurhasanah",
            "Rosmawati",
            "Fatimah",
            "Siti Zubaidah",
            "Yusnidar",
            "Rahmawati",
            "Nurlela",
            "Asmah",
            "Zuraida",
            "Maimunah",
            "Halimah",
            "Erni",
            "Nurjanah",
            "Syarifah",
            "Rosnah");
    static final List<String> JAMBI_CHILDREN_M =
            List.of("Alif", "Farhan", "Hafiz", "Ilham", "Raihan", "Rafi", "Zaki", "Fikri", "Arif", "Naufal");
    static final List<String> JAMBI_CHILDREN_F = List.of(
            "Aisyah",
            "Nabila",
            "Salsabila",
            "Zahra",
            "Khairunnisa",
            "Nayla",
            "Putri Ayu",
            "Syifa",
            "Annisa",
            "Hafizah");
}
