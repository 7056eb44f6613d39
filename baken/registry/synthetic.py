"""Synthetic registrations with realistic errors, for testing and benchmarking linkage.

People get names from the main victim nationalities (Dutch, Nigerian, Romanian, Bulgarian, Polish,
Hungarian, Vietnamese, Eritrean, Moroccan); each person is registered by one or more sources (the
same source sometimes twice), and each registration may carry the errors seen in practice: typos,
lost accents, transliteration variants, Dutch surname prefixes written differently, given name and
surname swapped, day and month swapped, only a year of birth, and missing fields.

Framework-free; deterministic for a seed. Writes the input of `baken pseudonymise` plus a truth
file (record_id, person_id) to measure linkage against."""

import csv
import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

NAMES: dict[str, tuple[list[str], list[str], list[str]]] = {
    # nationality: (female given names, male given names, surnames)
    "NL": (
        [
            "Sanne",
            "Lisa",
            "Emma",
            "Julia",
            "Anouk",
            "Fleur",
            "Lotte",
            "Sophie",
            "Eva",
            "Noa",
            "Iris",
            "Femke",
            "Maud",
            "Roos",
            "Britt",
            "Isa",
            "Lieke",
            "Esmée",
            "Chloë",
            "Zoë",
        ],
        [
            "Daan",
            "Sem",
            "Luuk",
            "Thijs",
            "Bram",
            "Jesse",
            "Niels",
            "Ruben",
            "Stijn",
            "Milan",
            "Tim",
            "Lars",
            "Jorn",
            "Joël",
            "Teun",
            "Gijs",
            "Sven",
            "Koen",
            "Rick",
            "Bas",
        ],
        [
            "de Jong",
            "Jansen",
            "de Vries",
            "van den Berg",
            "van Dijk",
            "Bakker",
            "Janssen",
            "Visser",
            "Smit",
            "Meijer",
            "de Boer",
            "Mulder",
            "de Groot",
            "Bos",
            "Vos",
            "Peters",
            "Hendriks",
            "van Leeuwen",
            "Dekker",
            "Brouwer",
            "de Wit",
            "Dijkstra",
            "Smits",
            "de Graaf",
            "van der Meer",
            "van der Linden",
            "Kok",
            "Jacobs",
            "de Haan",
            "Vermeulen",
            "van den Heuvel",
            "van der Veen",
            "van den Broek",
            "de Bruijn",
            "de Bruin",
            "van der Heijden",
            "Schouten",
            "van Beek",
            "Willems",
            "van Vliet",
            "van de Ven",
            "Hoekstra",
            "Maas",
            "Verhoeven",
            "Koster",
            "van Dam",
            "van der Wal",
            "Prins",
            "Blom",
            "Huisman",
            "Peeters",
            "de Lange",
            "Kuipers",
            "van Wijk",
            "Postma",
            "Kramer",
            "van Os",
            "ter Horst",
            "ten Brink",
            "in 't Veld",
            "Zwart",
            "Groen",
            "Evers",
            "Scholten",
        ],
    ),
    "NG": (
        [
            "Blessing",
            "Precious",
            "Joy",
            "Faith",
            "Chioma",
            "Ngozi",
            "Adaeze",
            "Osas",
            "Favour",
            "Gift",
            "Esther",
            "Mercy",
            "Uyi",
            "Efe",
            "Ifeoma",
            "Amaka",
        ],
        [
            "Emeka",
            "Chinedu",
            "Osaro",
            "Uche",
            "Tunde",
            "Segun",
            "Ikenna",
            "Obinna",
            "Godwin",
            "Samuel",
            "Daniel",
            "Osagie",
        ],
        [
            "Okafor",
            "Okoro",
            "Eze",
            "Obi",
            "Nwosu",
            "Adeyemi",
            "Ogunleye",
            "Osagie",
            "Igbinedion",
            "Omoregie",
            "Edosomwan",
            "Uwaifo",
            "Aigbe",
            "Ehigiator",
            "Okonkwo",
            "Balogun",
            "Ibrahim",
            "Bello",
            "Eghosa",
            "Osayande",
            "Nosakhare",
            "Iyamu",
            "Obaseki",
            "Ekhator",
        ],
    ),
    "RO": (
        [
            "Ioana",
            "Maria",
            "Elena",
            "Andreea",
            "Alexandra",
            "Mihaela",
            "Ana",
            "Cristina",
            "Georgiana",
            "Roxana",
            "Florentina",
            "Ștefania",
        ],
        [
            "Andrei",
            "Ion",
            "Mihai",
            "Alexandru",
            "Florin",
            "Gheorghe",
            "Constantin",
            "Ștefan",
            "Marius",
            "Bogdan",
            "Răzvan",
            "Costel",
        ],
        [
            "Popescu",
            "Ionescu",
            "Popa",
            "Radu",
            "Dumitru",
            "Stan",
            "Stoica",
            "Gheorghe",
            "Matei",
            "Ciobanu",
            "Rusu",
            "Munteanu",
            "Lungu",
            "Țurcanu",
            "Mocanu",
            "Constantin",
            "Dinu",
            "Bălan",
            "Moldovan",
            "Lăcătuș",
            "Niculae",
            "Voicu",
            "Șerban",
            "Preda",
        ],
    ),
    "BG": (
        [
            "Maria",
            "Ivanka",
            "Desislava",
            "Elena",
            "Yordanka",
            "Radka",
            "Petya",
            "Gergana",
            "Silviya",
        ],
        ["Georgi", "Ivan", "Dimitar", "Nikolay", "Petar", "Hristo", "Stoyan", "Todor", "Asen"],
        [
            "Ivanova",
            "Georgieva",
            "Dimitrova",
            "Petrova",
            "Nikolova",
            "Hristova",
            "Stoyanova",
            "Ivanov",
            "Georgiev",
            "Dimitrov",
            "Petrov",
            "Nikolov",
            "Yordanov",
            "Kolev",
            "Angelov",
            "Todorov",
            "Marinov",
            "Asenov",
        ],
    ),
    "PL": (
        [
            "Anna",
            "Katarzyna",
            "Agnieszka",
            "Magdalena",
            "Joanna",
            "Małgorzata",
            "Ewa",
            "Zofia",
            "Aleksandra",
            "Natalia",
        ],
        [
            "Piotr",
            "Krzysztof",
            "Tomasz",
            "Paweł",
            "Michał",
            "Łukasz",
            "Jakub",
            "Marcin",
            "Grzegorz",
            "Wojciech",
        ],
        [
            "Nowak",
            "Kowalski",
            "Wiśniewski",
            "Wójcik",
            "Kowalczyk",
            "Kamiński",
            "Lewandowski",
            "Zieliński",
            "Szymański",
            "Woźniak",
            "Dąbrowski",
            "Kozłowski",
            "Jankowski",
            "Mazur",
            "Kwiatkowski",
            "Krawczyk",
            "Piotrowski",
            "Grabowski",
        ],
    ),
    "HU": (
        ["Anna", "Eszter", "Katalin", "Zsófia", "Réka", "Viktória", "Júlia", "Erzsébet", "Dóra"],
        ["László", "István", "József", "Zoltán", "Gábor", "Attila", "Péter", "Tamás", "Balázs"],
        [
            "Nagy",
            "Kovács",
            "Tóth",
            "Szabó",
            "Horváth",
            "Varga",
            "Kiss",
            "Molnár",
            "Németh",
            "Farkas",
            "Balogh",
            "Papp",
            "Lakatos",
            "Takács",
            "Juhász",
            "Oláh",
            "Mészáros",
            "Rácz",
        ],
    ),
    "VN": (
        ["Linh", "Lan", "Hương", "Trang", "Ngọc", "Mai", "Thảo", "Hà", "Anh", "Thu", "Huyền"],
        ["Minh", "Tuấn", "Hùng", "Dũng", "Quang", "Đức", "Long", "Nam", "Thanh", "Khánh", "Phong"],
        [
            "Nguyễn",
            "Trần",
            "Lê",
            "Phạm",
            "Hoàng",
            "Huỳnh",
            "Phan",
            "Vũ",
            "Võ",
            "Đặng",
            "Bùi",
            "Đỗ",
            "Hồ",
            "Ngô",
            "Dương",
            "Lý",
        ],
    ),
    "ER": (
        ["Helen", "Selam", "Senait", "Mebrat", "Yohana", "Ruth", "Saba", "Tsega", "Winta", "Luwam"],
        [
            "Yonas",
            "Tesfay",
            "Dawit",
            "Robel",
            "Samuel",
            "Filmon",
            "Merhawi",
            "Abel",
            "Kibrom",
            "Habtom",
        ],
        [
            "Tesfamariam",
            "Ghebremedhin",
            "Haile",
            "Tekle",
            "Berhane",
            "Kidane",
            "Woldemichael",
            "Gebremariam",
            "Asmerom",
            "Mehari",
            "Yohannes",
            "Tewelde",
            "Ghirmay",
            "Fesshaye",
            "Habte",
            "Andemariam",
        ],
    ),
    "MA": (
        [
            "Fatima",
            "Khadija",
            "Aicha",
            "Salma",
            "Yasmina",
            "Nora",
            "Hafsa",
            "Imane",
            "Sara",
            "Meryem",
            "Loubna",
        ],
        [
            "Mohamed",
            "Youssef",
            "Ayoub",
            "Hamza",
            "Bilal",
            "Anas",
            "Mehdi",
            "Karim",
            "Said",
            "Rachid",
            "Nordin",
            "Soufiane",
        ],
        [
            "El Amrani",
            "Benali",
            "El Idrissi",
            "Bouzid",
            "Ouali",
            "Chakir",
            "Tahiri",
            "Amrani",
            "El Khattabi",
            "Boukhari",
            "Azzouzi",
            "Haddou",
            "El Ouardi",
            "Ziani",
            "Belhaj",
            "Aboutaleb",
            "Bennani",
            "Lahlou",
            "Ait Lahcen",
            "El Hamdaoui",
        ],
    ),
}
# Surname parts per nationality: combined they give the variety of real registers (tens of
# thousands of distinct surnames) that the short lists above lack.
SURNAME_PARTS: dict[str, tuple[list[str], list[str]]] = {
    "NL": (
        [
            "Van",
            "Ber",
            "Hol",
            "Wes",
            "Oos",
            "Zui",
            "Noor",
            "Bos",
            "Ha",
            "Ker",
            "Mol",
            "Stee",
            "Brink",
            "Ven",
            "Wou",
            "Dijk",
            "Hoog",
            "Laag",
            "Kamp",
            "Veen",
            "Broe",
            "Zee",
            "Horst",
        ],
        [
            "man",
            "kamp",
            "hof",
            "stra",
            "sma",
            "ink",
            "ing",
            "huis",
            "veld",
            "berg",
            "beek",
            "dijk",
            "broek",
            "meer",
            "wijk",
            "land",
            "ema",
            "inga",
            "ers",
            "sen",
            "ma",
            "hout",
        ],
    ),
    "NG": (
        [
            "Osa",
            "Igbi",
            "Omo",
            "Ede",
            "Aig",
            "Uwa",
            "Eho",
            "Oko",
            "Nwa",
            "Ade",
            "Olu",
            "Ogu",
            "Ihe",
            "Ayo",
            "Efe",
            "Iya",
            "Ekh",
            "Obi",
        ],
        [
            "gie",
            "nedion",
            "regie",
            "mwan",
            "bokhai",
            "yande",
            "nkwo",
            "chukwu",
            "yemi",
            "wale",
            "nleye",
            "anya",
            "ator",
            "sere",
            "kpo",
            "meh",
        ],
    ),
    "RO": (
        [
            "Pop",
            "Ion",
            "Rad",
            "Stan",
            "Dum",
            "Mun",
            "Cio",
            "Mol",
            "Vas",
            "Nic",
            "Con",
            "Mar",
            "Bal",
            "Dra",
            "Ghe",
            "Lup",
        ],
        [
            "escu",
            "eanu",
            "ovici",
            "ache",
            "ila",
            "aru",
            "oiu",
            "itru",
            "ușan",
            "ăreanu",
            "ea",
            "ici",
        ],
    ),
    "BG": (
        [
            "Iv",
            "Georg",
            "Dimitr",
            "Petr",
            "Nikol",
            "Hrist",
            "Stoy",
            "Todor",
            "Kost",
            "Vasil",
            "Angel",
            "Marin",
            "Ilk",
            "Zhel",
        ],
        ["ov", "ova", "ev", "eva", "anov", "anova", "chev", "cheva", "inov", "inova"],
    ),
    "PL": (
        [
            "Kowal",
            "Nowa",
            "Wiśn",
            "Zieli",
            "Szyma",
            "Woźn",
            "Kozł",
            "Jank",
            "Krawc",
            "Grab",
            "Pawł",
            "Mich",
            "Wróbl",
            "Dud",
            "Sob",
        ],
        ["ski", "ska", "czyk", "ewski", "owski", "iak", "ek", "ński", "ecki", "ak"],
    ),
    "HU": (
        [
            "Kov",
            "Szab",
            "Horv",
            "Var",
            "Mol",
            "Ném",
            "Far",
            "Bal",
            "Pap",
            "Tak",
            "Juh",
            "Mész",
            "Szi",
            "Fek",
            "Vér",
        ],
        [
            "ács",
            "ó",
            "áth",
            "ga",
            "nár",
            "eth",
            "kas",
            "ogh",
            "p",
            "ács",
            "ász",
            "áros",
            "lágyi",
            "ete",
            "es",
        ],
    ),
    "VN": (
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"],
        ["Văn", "Thị", "Minh", "Đức", "Thanh", "Quốc", "Hữu", "Ngọc", "Công", "Xuân"],
    ),
    "ER": (
        [
            "Ghebre",
            "Tesfa",
            "Wolde",
            "Haile",
            "Kidane",
            "Habte",
            "Tekle",
            "Berhane",
            "Gebre",
            "Andom",
            "Asmer",
        ],
        [
            "mariam",
            "michael",
            "selassie",
            "medhin",
            "giorgis",
            "hiwet",
            "yesus",
            "kristos",
            "ab",
            "om",
            "zion",
        ],
    ),
    "MA": (
        ["El ", "Ben", "Bou", "Ait ", "Ou", "Az", "Lah", "Chak", "Tah", "Zia"],
        [
            "Amrani",
            "Idrissi",
            "ali",
            "zid",
            "ali",
            "zouzi",
            "lou",
            "ir",
            "iri",
            "ni",
            "Hamdaoui",
            "Khattabi",
            "Ouardi",
            "hadi",
            "moussa",
        ],
    ),
}
# Given-name parts per nationality (female starts, female ends, male starts, male ends): real
# registers have hundreds of given names per group, with a few very common ones; half of the
# names come from the lists above (the common ones), half from these parts (the long tail).
GIVEN_PARTS: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {
    "NL": (
        ["Lie", "Ma", "Sa", "Ro", "Fe", "Ja", "Ni", "Ka", "Li", "Mi", "El", "An", "Ti", "Ve"],
        ["ke", "ra", "nne", "sa", "ntje", "na", "ne", "lotte", "mke", "rte", "lie", "ra"],
        ["Bas", "Jo", "Wou", "Ri", "Thij", "Ma", "Pie", "Ge", "Ste", "Wi", "Ma", "Ro", "Da"],
        ["ter", "ris", "rt", "ck", "s", "rten", "n", "lco", "f", "llem", "rijn", "b", "an"],
    ),
    "NG": (
        ["Chi", "Ada", "Ngo", "Ife", "Ama", "Oso", "Eki", "Uyi", "Ese", "Obi", "Nne"],
        ["oma", "eze", "zi", "oma", "ka", "se", "anem", "nosa", "ohi", "ageli", "ka"],
        ["Chi", "Osa", "Uche", "Eme", "Ike", "Obi", "Olu", "Ose", "Ede", "Aye"],
        ["nedu", "gie", "nna", "ka", "chukwu", "nna", "wale", "mwen", "mudia", "ni"],
    ),
    "RO": (
        ["Lu", "Ro", "Ca", "Da", "Ra", "Si", "Va", "Ne", "Oa", "Mi"],
        ["minița", "xana", "rmen", "niela", "luca", "mona", "lentina", "li", "na", "rela"],
        ["Cos", "Du", "Vio", "Iu", "Cri", "Se", "Va", "Ni", "Tu", "Li"],
        ["tel", "mitru", "rel", "lian", "stian", "bastian", "sile", "colae", "dor", "viu"],
    ),
    "BG": (
        ["Ve", "Ra", "Mi", "Ne", "Sve", "Tsve", "Zla", "Ka", "Bo", "Li"],
        ["selina", "dostina", "lena", "li", "tla", "tanka", "tka", "lina", "yana", "liya"],
        ["Bo", "Vla", "Kra", "Lyu", "Mla", "Ra", "Sve", "Tsve", "Zla", "Ve"],
        ["yan", "dimir", "simir", "bomir", "den", "dko", "tlin", "tan", "tko", "selin"],
    ),
    "PL": (
        ["Do", "Ju", "Ka", "Ma", "Be", "We", "Pa", "Mo", "Ha", "Il"],
        ["rota", "styna", "rolina", "rta", "ata", "ronika", "ulina", "nika", "lina", "ona"],
        ["Ja", "Bar", "Da", "Ma", "Ra", "Se", "Szy", "Ka", "Mi", "Do"],
        ["rosław", "tosz", "riusz", "ciej", "fał", "bastian", "mon", "mil", "łosz", "minik"],
    ),
    "HU": (
        ["Bog", "Ild", "Kin", "No", "Pi", "Ti", "Ág", "En", "Gyön", "Ma"],
        ["lárka", "ikó", "ga", "émi", "roska", "mea", "nes", "ikő", "gyi", "rianna"],
        ["Ba", "Csa", "Dá", "Fe", "Gyu", "Le", "Mik", "Sán", "Ti", "Zsolt"],
        ["rnabás", "ba", "niel", "renc", "la", "vente", "lós", "dor", "bor", ""],
    ),
    "VN": (
        ["Thi", "Ngoc", "Bich", "Kim", "Thu", "Hong", "My", "Phuong"],
        [" Lan", " Hoa", " Mai", " Linh", " Trang", " Ha", " Van", " Yen"],
        ["Van", "Duc", "Minh", "Quoc", "Huu", "Thanh", "Cong", "Xuan"],
        [" Nam", " Hung", " Tuan", " Long", " Phong", " Son", " Hai", " Binh"],
    ),
    "ER": (
        ["Sel", "Mer", "Fre", "Hi", "Ab", "Ki", "Sen", "Le", "Mi", "Ye"],
        ["am", "hawit", "weini", "wet", "rehet", "dist", "ait", "moni", "lena", "rusalem"],
        ["Ghe", "Tes", "Mu", "Ha", "Be", "Na", "Ye", "Ki", "Se", "Da"],
        ["brehiwet", "faldet", "luberhan", "gos", "reket", "od", "mane", "bur", "mere", "niel"],
    ),
    "MA": (
        ["Ik", "Ke", "Fa", "Ha", "Ra", "Za", "Na", "Ma", "Ou", "Ch"],
        ["ram", "nza", "rida", "nane", "jae", "hra", "jat", "lak", "issal", "ama"],
        ["Is", "Ab", "Ha", "Ta", "Mou", "Ou", "Za", "Kha", "Ya", "Na"],
        ["mail", "delilah", "kim", "rik", "stafa", "ssama", "karia", "lid", "ssine", "bil"],
    ),
}
NATIONALITY_WEIGHTS = {
    "NL": 0.45,
    "NG": 0.08,
    "RO": 0.1,
    "BG": 0.06,
    "PL": 0.08,
    "HU": 0.06,
    "VN": 0.05,
    "ER": 0.05,
    "MA": 0.07,
}
TRANSLITERATIONS = [
    ("Mohamed", "Mohammed"),
    ("Mohamed", "Muhammad"),
    ("Youssef", "Yusuf"),
    ("Youssef", "Joesoef"),
    ("Aicha", "Aisha"),
    ("Khadija", "Khadidja"),
    ("Said", "Saïd"),
    ("Rachid", "Rashid"),
    ("Nordin", "Noureddine"),
    ("Yonas", "Jonas"),
    ("Yohannes", "Johannes"),
    ("Haile", "Hayle"),
    ("Tesfay", "Tesfai"),
    ("Ghebremedhin", "Gebremedhin"),
    ("Gebremariam", "Ghebremariam"),
    ("Georgiev", "Gueorguiev"),
    ("Yordanov", "Jordanov"),
    ("Hristo", "Christo"),
    ("Hristova", "Christova"),
    ("Petya", "Petia"),
    ("Yordanka", "Jordanka"),
    ("Nikolay", "Nikolai"),
    ("Chioma", "Tshioma"),
    ("Osas", "Osaz"),
    ("Uwaifo", "Uwaifor"),
    ("Okonkwo", "Okonko"),
    ("Wójcik", "Woitschik"),
    ("Szabó", "Sabo"),
    ("Nguyễn", "Nguyen"),
    ("Huyền", "Huyen"),
    ("Dương", "Duong"),
    ("El Amrani", "Elamrani"),
    ("El Idrissi", "Idrissi"),
    ("Bouzid", "Bouzit"),
    ("de Bruijn", "de Bruin"),
    ("Janssen", "Jansen"),
    ("Smits", "Smit"),
]
SOURCES = [
    ("police", 0.31),
    ("zorgcoordinator", 0.28),
    ("fairwork", 0.12),
    ("nla", 0.07),
    ("kmar", 0.06),
    ("institution-1", 0.05),
    ("institution-2", 0.04),
    ("institution-3", 0.03),
    ("shelter", 0.04),
]
KEYBOARD_NEIGHBOURS = {
    "a": "sqz",
    "e": "wrd",
    "i": "uok",
    "o": "ipl",
    "u": "yij",
    "n": "bm",
    "m": "n",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "l": "k",
    "k": "jl",
    "d": "sf",
    "h": "gj",
    "g": "fh",
}


@dataclass(frozen=True)
class ErrorRates:
    """Default rates are per registration; tuned to what register comparisons report."""

    typo: float = 0.08  # one typo in the surname or the given name
    lost_accents: float = 0.5  # of names that have accents
    transliteration: float = 0.25  # of names that have a known variant
    prefix_variant: float = 0.5  # of surnames with a prefix: "v.d. Berg", "Berg, van den"...
    swapped_names: float = 0.03
    swapped_day_month: float = 0.03  # when the day is 12 or less
    year_only: float = 0.05
    missing_date: float = 0.02
    missing_sex: float = 0.02
    missing_nationality: float = 0.08
    missing_given_name: float = 0.01
    same_source_twice: float = 0.05
    extra_source: float = 0.35  # chance of each further source registering the same person


@dataclass(frozen=True)
class Person:
    person_id: str
    given_name: str
    surname: str
    date_of_birth: date
    sex: str
    nationality: str


def _strip_accents(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d").replace("Ł", "L").replace("ł", "l")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 3:
        return word
    position = rng.randrange(1, len(word))
    kind = rng.random()
    if kind < 0.3:  # deletion
        return word[:position] + word[position + 1 :]
    if kind < 0.55:  # transposition
        if position >= len(word) - 1:
            position -= 1
        return word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    if kind < 0.8:  # neighbouring key
        char = word[position].lower()
        return (
            word[:position] + rng.choice(KEYBOARD_NEIGHBOURS.get(char, "e")) + word[position + 1 :]
        )
    return word[:position] + word[position] + word[position:]  # doubled letter


def _prefix_variant(rng: random.Random, surname: str) -> str:
    words = surname.split(" ")
    prefix = [w for w in words if w[0].islower() or w in ("'t",)]
    core = [w for w in words if w not in prefix]
    if not prefix or not core:
        return surname
    prefix_text, core_text = " ".join(prefix), " ".join(core)
    initials = ".".join(p[0] for p in prefix) + "."
    return rng.choice(
        [
            f"{prefix_text.capitalize()} {core_text}",
            f"{core_text}, {prefix_text}",
            f"{initials} {core_text}",
            f"{''.join(p[0] for p in prefix)} {core_text}",
            f"{prefix_text.replace(' ', '')}{core_text}" if prefix_text == "de" else core_text,
        ]
    )


def _transliterate(rng: random.Random, name: str) -> str:
    options = [b for a, b in TRANSLITERATIONS if a == name] + [
        a for a, b in TRANSLITERATIONS if b == name
    ]
    return rng.choice(options) if options else name


def make_people(count: int, rng: random.Random, *, today: date) -> list[Person]:
    nationalities = list(NATIONALITY_WEIGHTS)
    weights = list(NATIONALITY_WEIGHTS.values())
    people = []
    for number in range(count):
        nationality = rng.choices(nationalities, weights)[0]
        female, male, surnames = NAMES[nationality]
        sex = "female" if rng.random() < 0.7 else "male"
        starts, ends = SURNAME_PARTS[nationality]
        if nationality == "VN":  # Vietnamese: family name, middle name, given name
            surname = rng.choice(starts)
            middle = rng.choice(ends)
        else:
            surname = (
                rng.choice(surnames)
                if rng.random() < 0.4
                else (rng.choice(starts) + rng.choice(ends)).replace("  ", " ")
            )
            middle = ""
        age_days = int(rng.triangular(10, 45, 17) * 365.25)
        f_starts, f_ends, m_starts, m_ends = GIVEN_PARTS[nationality]
        common = female if sex == "female" else male
        starts_ends = (f_starts, f_ends) if sex == "female" else (m_starts, m_ends)
        given = (
            rng.choice(common)
            if rng.random() < 0.5
            else rng.choice(starts_ends[0]) + rng.choice(starts_ends[1])
        )
        people.append(
            Person(
                person_id=f"p{number + 1}",
                given_name=" ".join(part for part in (middle, given) if part),
                surname=surname,
                date_of_birth=today - timedelta(days=age_days),
                sex=sex,
                nationality=nationality,
            )
        )
    return people


def registration_row(
    person: Person, source: str, record_id: str, rng: random.Random, rates: ErrorRates
) -> dict[str, str]:
    given, surname = person.given_name, person.surname
    if rng.random() < rates.transliteration:
        given = _transliterate(rng, given)
    if rng.random() < rates.transliteration:
        surname = _transliterate(rng, surname)
    if " " in surname and surname.split(" ")[0].islower() and rng.random() < rates.prefix_variant:
        surname = _prefix_variant(rng, surname)
    if rng.random() < rates.typo:
        if rng.random() < 0.6:
            surname = _typo(rng, surname)
        else:
            given = _typo(rng, given)
    if rng.random() < rates.lost_accents:
        given, surname = _strip_accents(given), _strip_accents(surname)
    if rng.random() < rates.swapped_names:
        given, surname = surname, given
    if rng.random() < rates.missing_given_name:
        given = ""
    born = person.date_of_birth
    if rng.random() < rates.missing_date:
        date_text = ""
    elif rng.random() < rates.year_only:
        date_text = str(born.year)
    elif born.day <= 12 and born.day != born.month and rng.random() < rates.swapped_day_month:
        date_text = date(born.year, born.day, born.month).isoformat()
    else:
        date_text = born.isoformat()
    return {
        "record_id": record_id,
        "source": source,
        "given_name": given,
        "surname": surname,
        "date_of_birth": date_text,
        "sex": "" if rng.random() < rates.missing_sex else person.sex,
        "nationality": "" if rng.random() < rates.missing_nationality else person.nationality,
        "country_of_birth": person.nationality,
    }


def registrations(
    records: int, *, seed: int = 1, rates: ErrorRates | None = None, today: date | None = None
) -> Iterator[tuple[dict[str, str], str]]:
    """About `records` registrations (exactly that many) with the true person of each."""
    rates = rates or ErrorRates()
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    today = today or date(2026, 1, 1)
    sources = [name for name, _w in SOURCES]
    weights = [w for _n, w in SOURCES]
    people = make_people(max(1, int(records / 1.6)), rng, today=today)
    produced = 0
    while produced < records:
        person = people[rng.randrange(len(people))] if produced >= len(people) else people[produced]
        chosen = [rng.choices(sources, weights)[0]]
        while rng.random() < rates.extra_source and len(chosen) < 4:
            chosen.append(rng.choices(sources, weights)[0])
        if rng.random() < rates.same_source_twice:
            chosen.append(chosen[0])
        for source in chosen:
            if produced >= records:
                break
            produced += 1
            row = registration_row(person, source, f"r{produced}", rng, rates)
            yield row, person.person_id


INPUT_COLUMNS = (
    "record_id",
    "source",
    "given_name",
    "surname",
    "date_of_birth",
    "sex",
    "nationality",
    "country_of_birth",
)


def write_files(records: int, people_csv: Path, truth_csv: Path, *, seed: int = 1) -> None:
    with (
        people_csv.open("w", newline="", encoding="utf-8") as people,
        truth_csv.open("w", newline="", encoding="utf-8") as truth,
    ):
        people_writer = csv.DictWriter(people, fieldnames=INPUT_COLUMNS)
        truth_writer = csv.writer(truth)
        people_writer.writeheader()
        truth_writer.writerow(["record_id", "person_id"])
        for row, person_id in registrations(records, seed=seed):
            people_writer.writerow(row)
            truth_writer.writerow([row["record_id"], person_id])
