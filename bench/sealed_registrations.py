# ruff: noqa: RUF001 - names in Cyrillic and with Turkish letters are the point of this file
"""A fourth, sealed set of synthetic registrations for bench/linkage.py: presumed victims of
trafficking in the Netherlands as several organisations would write them down, made without
reading Baken's linkage model, its pseudonymisation code, the other three generators or their
results (the writer saw only the input format in docs/pseudonymisation.md, the `baken
pseudonymise` command and the interface of bench/linkage.py). It measures the model once; a
change made because of its numbers makes it a tuning set, and the next honest measurement then
needs a fifth generator.

    uv run python bench/sealed_registrations.py RECORDS people.csv truth.csv [SEED]
    uv run python bench/sealed_registrations.py --summary [RECORDS [SEED]]   # the self-check

`registrations(size, seed)` yields (row, person_id) in random order; rows have record_id,
source, given_name, surname, date_of_birth (ISO date, a year, or BRP-style YYYY-00-00), sex
(female, male, empty = unknown), nationality and country_of_birth (ISO 3166-1 alpha-2, empty =
unknown), any script (Cyrillic, Chinese characters, Vietnamese, Turkish and other diacritics).
Deterministic per seed, standard library only; bench/linkage.py uses seed 4242 + size.
All numbers below are the writer's own estimates, from memory of public sources; none was fitted.

Who is registered (per person)
- Nationality (percent of people): NL 38, NG 6, RO 4.5, PL 4, UA 3, BG 3, HU 2.5, UG 2.5, ER
  2.5, VN 2.5, MA 2, SL 1.5, CN 1.5, BR 1.5, PH 1.5, IN 1.5, unknown 1.5, and 0.3-1 each for GN,
  TR, SR, CO, TH, SY, AF, ET, SO, GH, MD, LT, SK, AL, PK, DO, VE, IQ, EG, DZ, CM. Shape from the
  Nationaal Rapporteur's victim monitors and CoMensha's annual reports: a Dutch share of 35-45 %;
  Nigerians (Edo State) the largest foreign group; EU labour and sex-work migrants (RO, PL, BG,
  HU); "Dublin claimants" and asylum seekers (UG, ER, SL, GN, NG); Vietnamese minors (cannabis
  farms, nail bars); Ukrainians since 2022; Chinese, Brazilian, Thai, Colombian women in sex
  work; Filipino and Indian labour (shipping, horticulture, restaurants).
- Dutch nationals' names: 75 % Dutch, 8 % Surinamese (Hindustani, Creole, Javanese), 7 %
  Moroccan-Dutch, 5 % Turkish-Dutch, 5 % others (Nigerian, Ghanaian, Polish, Arab, Cameroonian).
  Bulgarians 10 % Turkish-named; Moldovans 25 % Russian-speaking; Ethiopians 30 % Tigrinya.
- Women and girls 80 % of the Dutch, 90 % of Nigerians, 35 % of Poles, 20 % of Afghans and
  Indians, 42 % of Vietnamese (per origin in ORIGINS; realised 68 % overall). Minors at first
  registration 32 % of the Dutch, 40 % of Vietnamese and Afghans, 25 % of Eritreans, 2-10 % of
  EU labour migrants (realised 19.5 %). Ages 12-17 weighted to 15-17; adults 18 + a gamma
  (mean about 24 for sexual and criminal, about 33 for labour exploitation).
- Born elsewhere: Eritreans in Ethiopia 15 % and Sudan 8 %, Afghans in Iran 25 % and Pakistan
  10 %, Somalis in Kenya 15 %, Ukrainians in Russia 8 %, 3 % of the Dutch abroad.
- No papers (the birth date nobody knows): 60 % of Afghans, Somalis and unknown nationality,
  55 % of Eritreans, 45 % of Sierra Leoneans and Guineans, 35 % of Vietnamese, 30 % of
  Nigerians, 25 % of Ugandans, 2-5 % of Europeans, none of the Dutch. Half of them state a birth
  date (always the same; the year within one of the truth), the other sources estimate the year
  (truth plus a normal error with sd 1 year) and write it as 1 January, 1 July, YYYY-00-00 or the
  year alone, by the organisation's convention (IND and COA mostly 1 January, like many systems).
- Names, with frequency shapes per origin (head lists in frequency order on a Zipf curve, then a
  tail of rare names built from parts): Dutch family names with prefixes (De Jong, Jansen, De
  Vries, Van den Berg... 100 names hold about 14 % of the Dutch, the rest rare names like "van
  der Hoekstra"); Dutch given names 1-3 (62 % have a second, traditional one: Maria, Johannes)
  and a call name (roepnaam: Kees for Cornelis) for some; Vietnamese Nguyễn 38 %, Trần 11 %, Lê
  9.5 %... with middle name Thị (62 % of women) or Văn (45 % of men) before the given name;
  Chinese family names with Fujian/Zhejiang weight (Chen 10, Lin 9, Wang 7, Li 6.5, Zhang 6 %)
  and one or two syllable given names; Indian Singh 24 % of men, Kaur 18 % of women, Kumar and
  Kumari, and 10 % single names (Tamil); Brazilian Silva 11 %, Santos 7 %, with a second family
  name for 70 %; Hispanic double family names; Filipino mother's maiden name as middle name;
  Tigrinya, Amharic and Somali names as given name + father's name + grandfather's name (no
  family name: siblings share the father's name, nobody else need); Afghan names where 40 % have
  no family name and use the father's; Ugandan personal (clan) names that siblings do not
  share; Polish, Slovak, Bulgarian, Ukrainian/Russian and Lithuanian family names in the form
  for the person's sex (Kowalski / Kowalska, Horváth / Horváthová, Иванов / Иванова, Kazlauskas /
  Kazlauskaitė / married Kazlauskienė); Hungarian Roma-concentrated names (Lakatos, Balogh,
  Rostás...) written family name first; Thai family names that are almost all unique; Arabic,
  Tigrinya, Somali and West African names with several usual spellings (Mohamed, Mohammed,
  Muhammad, Mouhamed; Yohannes, Yohanes; Maxamed), of which each person has an own one (60 %
  the most usual).
- Households: 5 % of people come with a relative in the set: siblings (60 %; a third of them
  three), twins (15 %; same birth date and family name, other given name) and partners (25 %,
  adults; the wife takes the husband's name where her culture does). 25 % of women aged 24+ in
  cultures where wives change names are married: the married name is used by 65 % of records not
  copied from papers (25 % of those that are); Dutch wives write "Husband-Maiden" (60 %),
  Hungarian "Husbandné Maiden".
- False identities (papers from the trafficker, another name and often a birth date that makes
  a minor an adult): 4 % of people, 12 % of Nigerians, Vietnamese, Chinese, Albanians and unknown
  nationality; used in one of their records (and by KMar/police now and then). Working names
  (Candy, Angel) for 8 % of women 18-39 and Thai nicknames for 40 % of Thais, written by 15 % of
  the records not copied from papers; a chosen female name and sex for 25 % of Latin American
  men (trans women), used by care and NGOs, not by KMar, IND or NLA.

Records per person: 1 (62.5 % of people), 2 (19 %), 3 (8.5 %), 4 (4.5 %), 5 (2.5 %), 6-14 (3 %),
mean 1.79, so people are 56 % of records: the Rapporteur's multiple systems estimates show most
victims on one list; reports from several organisations and again in later years make the rest.
A later record comes from an organisation that reported the person before in 10 % of cases.

Sources (organisations and their habits)
- Kinds weighted after DOMAIN.md §1 (police 31 %, zorgcoördinatie 28 %, FairWork-like NGO 20 %,
  NLA 7 %, KMar 6 %, others) and shifted by who the person is: asylum origins add COA, IND and
  KMar, labour origins NLA and the NGO, Dutch minors youth care (jeugdzorg) and Veilig Thuis.
  Police per unit (10), care organisations per city (16), COA locations; 70 % of a person's
  regional records come from their own region.
- Habits per kind (SOURCE_KINDS; every organisation multiplies the error rates by its own
  factor 0.6-1.5 and has one way of writing Dutch prefixes and one transliteration of Cyrillic):
  copying the travel document (KMar 90 %, IND 85 %, COA 50 %, police 45 %, NGO 15 %; then capitals,
  accents dropped, Cyrillic in the Ukrainian passport system, KMar sometimes ä → AE); capitals
  (KMar, IND, half the police and NLA); accents dropped (NLA payroll 60 %, police 35 %, care
  15-30 %); only the first given name (NGO and care 55-70 %, police 25 %); the Dutch call name
  (youth care 85 %, care and NGOs 50-75 %); family-name-first names put in the wrong fields
  (12-25 % outside KMar and IND); another usual spelling of a name (5-35 %); respelling by ear
  (a rate of 3-5 % per foreign name: Ahmadou, Soenday); typing errors in a name in 2-6 % of
  records (keyboard neighbour 35 %, swapped 20 %, dropped 25 %, doubled 20 %); Dutch prefixes as
  "de Jong" (55 %), "De Jong", "Jong, de", "Jong de" or "v.d."; Cyrillic transliterated as in
  English, Dutch (Joelija), German (Schewtschenko), Polish or the passport, or left in Cyrillic
  by NGOs and shelters (12 %), Russian forms of Ukrainian given names (Aleksandr for Oleksandr)
  by 30 % of Ukrainians; Chinese in characters (10 % at NGOs), given syllables split or
  hyphenated (30 %); Vietnamese middle name with the given name (55 %), with the family name,
  left out, or the whole name in one field; patronymic names with the grandfather's name as
  surname (30 % at IND, COA, KMar, 10 % elsewhere) or both; one of two family names; a missing
  birth date (1-12 %), a date error (1-3 %: day and month swapped, a day off, the year off by
  one, a digit mistyped), only the year (3 %); a missing surname (up to 5 %), given name (up to
  2 %), sex (up to 2 %), nationality (1-6 %), country of birth (2-60 %); a wrong sex (0.4 %);
  a second nationality (MA, TR) for 20 % of the Moroccan- and Turkish-Dutch records; any
  origin: given name and surname swapped (1 %).

Self-check (`--summary`, on this code). Realised against intended at 100,000 records: people
56.0 % of records (intended 55-60 %); typing errors 5.1 per 100 records (intended 2-6 % by kind,
times each organisation's factor); wrong sex 0.46 (0.4 %); given name and surname swapped 1.15
(1 % times the factor); false identities 1.33 per 100 records (about 6 % of people with 2+
records); 1.6 % of people share given names, surname and birth year with another person (6.8 %
of Vietnamese, 6.1 % of Indians, 3.6 % of Eritreans, 0.4 % of the Dutch), which is what I expect
of a registry this size with these origins.
    10000 records, seed 14242: 5558 persons (55.6% of records), generated in 1.0 s
    records per person: 1: 3481, 2: 1045, 3: 466, 4: 255, 5: 134, 6: 60, 7: 53, 8: 33, 10: 22, 14: 9
    persons per nationality: NL 40.9%, NG 6.0%, RO 4.5%, PL 4.3%, BG 3.2%, UA 3.2%, ER 3.1%, UG
        2.6%, VN 2.6%, HU 2.4%, MA 2.0%, SL 1.8%, CN 1.7%, IN 1.6%, BR 1.6%, unknown 1.5%, PH 1.5%,
        TR 1.3%, SY 1.3%, CO 1.2%, SR 1.0%, GN 1.0%, ET 1.0%, AF 1.0%, TH 0.8%, GH 0.7%, MD 0.6%, SO
        0.6%, AL 0.6%, LT 0.6%, SK 0.6%, CM 0.6%, DZ 0.5%, VE 0.5%, IQ 0.5%, PK 0.4%, EG 0.3%, DO
        0.3%
    persons sharing given names + surname + birth year with another person: 18 (0.32%); by
        nationality: NL 0.1%, NG 0.0%, RO 0.0%, PL 0.0%, BG 0.0%, UA 1.1%, ER 0.0%, UG 0.0%, VN
        3.4%, HU 0.0%, MA 0.9%, SL 0.0%, CN 0.0%, IN 0.0%, BR 0.0%, unknown 1.2%, PH 0.0%, TR 0.0%,
        SY 1.4%, CO 3.1%, SR 0.0%, GN 0.0%, ET 0.0%, AF 0.0%
    minors at first registration: 19.3%; women: 69.1%

    100000 records, seed 104242: 56014 persons (56.0% of records), generated in 12.2 s
    records per person: 1: 35039, 2: 10719, 3: 4742, 4: 2469, 5: 1442, 6: 616, 7: 433, 8: 276, 10:
        154, 14: 124
    persons per nationality: NL 40.2%, NG 6.5%, RO 4.6%, PL 4.1%, BG 3.3%, UA 3.2%, VN 2.7%, UG
        2.7%, ER 2.6%, HU 2.6%, MA 2.1%, unknown 1.6%, CN 1.6%, SL 1.6%, BR 1.6%, PH 1.6%, IN 1.6%,
        AF 1.1%, CO 1.1%, SR 1.1%, TR 1.1%, GN 1.0%, SY 1.0%, GH 0.9%, MD 0.9%, ET 0.9%, TH 0.8%, SO
        0.7%, LT 0.6%, SK 0.6%, AL 0.6%, DO 0.6%, CM 0.6%, PK 0.5%, IQ 0.5%, DZ 0.4%, VE 0.4%, EG
        0.4%
    persons sharing given names + surname + birth year with another person: 921 (1.64%); by
        nationality: NL 0.4%, NG 1.6%, RO 1.4%, PL 0.7%, BG 4.6%, UA 1.6%, VN 6.8%, UG 1.7%, ER
        3.6%, HU 2.4%, MA 2.4%, unknown 2.7%, CN 0.9%, SL 6.0%, BR 2.2%, PH 1.8%, IN 6.1%, AF 1.8%,
        CO 1.6%, SR 1.0%, TR 1.2%, GN 3.7%, SY 1.2%, GH 1.5%, MD 0.8%, ET 3.6%, TH 0.0%, SO 4.3%, LT
        2.2%, SK 3.7%, AL 2.4%, DO 0.6%, CM 1.9%, PK 2.1%, IQ 1.1%, DZ 3.7%, VE 1.7%, EG 1.5%
    minors at first registration: 19.5%; women: 67.9%
    events per 100 records:
      country of birth missing: 36.34
      written as on the travel document (capitals, no accents): 28.74
      written in capitals: 18.12
      only the first given name: 12.16
      date of birth missing: 6.46
      Cyrillic transliterated other than the passport: 4.60
      same organisation again: 4.43
      undocumented: estimated year (off): 4.35
      respelt by ear: 4.33
      accents dropped: 3.82
      nationality missing: 3.70
      married name: 3.53
      other spelling of a name: 3.35
      undocumented: the date the person gives: 3.01
      undocumented: estimated year: 2.77
      date: only the year written: 2.57
      surname missing: 2.40
      typo: keyboard neighbour: 1.71
      sex missing: 1.40
      false identity (alias): 1.33
      typo: letter dropped: 1.26
      given name and surname swapped (any origin): 1.15
      father's and grandfather's names as the surname: 1.09
      typo: letters swapped: 1.09
      date: one day off: 1.08
      typo: letter doubled: 1.02
      given name missing: 1.00
      family-name-first order: fields swapped: 0.95
      second nationality written: 0.94
      only the first of two family names: 0.84
      grandfather's name as the surname: 0.63
      date: a digit mistyped: 0.62
      whole Vietnamese name in the surname field: 0.48
      working name: 0.47
      date: year off by one: 0.47
      sex: wrong code: 0.46
      Dutch call name (roepnaam): 0.44
      only the last of two family names: 0.40
      name in Cyrillic: 0.34
      Vietnamese middle name with the family name: 0.33
      Filipino middle name as an initial: 0.31
      date: day and month swapped: 0.28
      Filipino middle name with the family name: 0.24
      Filipino middle name among the given names: 0.24
      Vietnamese middle name left out: 0.20
      Afghan: another family member's name as the surname: 0.17
      Chinese given name split in two: 0.17
      nationality: country of birth written: 0.10
      Chinese given name hyphenated: 0.09
      chosen name instead of the name on the documents: 0.08
      name in Chinese characters: 0.08
      single name written as the surname: 0.07
      sex recorded as lived: 0.06
"""

from __future__ import annotations

import bisect
import csv
import itertools
import random
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

# ---------------------------------------------------------------------------------------------
# Name pools. Tokens are separated by white space; "_" is a space inside a name, "|" separates
# spellings of one name (the first is the most common), "/" separates the Ukrainian and the
# Russian form of an East Slavic name, ":N" gives a token an explicit weight in percent (tokens
# without one share what is left on a Zipf curve with the pool's skew).
# ---------------------------------------------------------------------------------------------

NameTail = Callable[[random.Random], str]


class Pool:
    def __init__(
        self, spec: str, skew: float = 0.6, tail: NameTail | None = None, tail_share: float = 0.0
    ) -> None:
        tokens = spec.split()
        explicit: dict[int, float] = {}
        names: list[str] = []
        for index, token in enumerate(tokens):
            name, _, weight = token.partition(":")
            names.append(name.replace("_", " "))
            if weight:
                explicit[index] = float(weight)
        rest = max(0.0, 100.0 - sum(explicit.values()))
        free = [i for i in range(len(names)) if i not in explicit]
        zipf = [1.0 / (rank + 1) ** skew for rank in range(len(free))]
        total = sum(zipf) or 1.0
        weights = [0.0] * len(names)
        for i, value in explicit.items():
            weights[i] = value
        for rank, i in enumerate(free):
            weights[i] = rest * zipf[rank] / total if explicit else zipf[rank]
        self.names = names
        self.cumulative = list(itertools.accumulate(weights))
        self.tail = tail
        self.tail_share = tail_share

    def draw(self, rng: random.Random) -> str:
        if self.tail is not None and rng.random() < self.tail_share:
            return self.tail(rng)
        point = rng.random() * self.cumulative[-1]
        return self.names[bisect.bisect_right(self.cumulative, point)]


def compounds(heads: str, ends: str, joiner: str = "") -> NameTail:
    """Rare names made of a head and an ending (both lists of equal weight)."""
    first, last = heads.split(), ends.split()

    def make(rng: random.Random) -> str:
        return rng.choice(first) + joiner + rng.choice(last).replace("_", "")

    return make


def words(text: str) -> list[str]:
    return text.split()


# Rare Dutch family names: a place or landscape word, an ending, sometimes a prefix.
DUTCH_TAIL_PREFIXES = ["van ", "van de ", "van der ", "van den ", "ter ", "de ", "", "", "", "", ""]
DUTCH_TAIL = compounds(
    "Berg Brink Veld Hof Bos Kamp Hoek Dijk Horst Laar Water Molen Haar Wijk Broek Beek "
    "Hout Sloot Steen Vliet Zand Heuvel Akker Meer Poel Hage Bree Wouden Weide Donk Kolk "
    "Vaart Ham Loo Rijn Berkel Eck Goor Aalst Stra Hoog Klein Groot Oost West Noord Zuid "
    "Hulst Linde Esch Mook Ros Blok Kuil Maat Ploeg Zwart Wit Rood Geel Groen Nieuw "
    "Oud Brug Kerk Schot Veen Ruit Wal Kooi Ster Kemp Heg",
    "_ _ _ man mans ink er ers s stra ema sma huis kamp hout veld stede land meijer boom "
    "gaard enga inga ing el ker hof horst dijk beek broek berg sen se zen",
)

DUTCH_SURNAMES = Pool(
    "de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit Meijer de_Boer "
    "Mulder de_Groot Bos Vos Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit Dijkstra Smits "
    "de_Graaf van_der_Meer van_der_Linden Kok Jacobs de_Haan Vermeulen van_den_Heuvel "
    "van_der_Veen van_den_Broek de_Bruijn de_Bruin van_der_Heijden Schouten van_Beek Willems "
    "van_Vliet van_de_Ven Hoekstra Maas Verhoeven Koster van_Dam van_der_Wal Prins Blom Huisman "
    "Peeters de_Jonge Kuipers van_Veen Post Kuiper Veenstra Kramer van_den_Brink Scholten "
    "van_Wijk Postma Martens Vink de_Ruiter Timmermans Groen Gerritsen Jonker van_Loon Boer "
    "van_der_Velde Willemsen Smeets de_Lange de_Vos Bosch van_Dongen Schipper de_Koning "
    "van_der_Laan Koning van_der_Velden Driessen van_Doorn Hermans Evers van_den_Bosch "
    "van_der_Meulen Hofman Bosman Wolters Sanders van_der_Horst Mol Kuijpers Molenaar van_de_Pol "
    "de_Leeuw Verbeek",
    skew=0.45,
    tail=lambda rng: rng.choice(DUTCH_TAIL_PREFIXES) + DUTCH_TAIL(rng),
    tail_share=0.86,
)

DUTCH_GIVEN_TAIL_F = compounds(
    "Ja Sha Ky Li Ro Mi Ze Na Ay La Ri Ma Da Ju Ki Ne Ti Lu Ya Fe Che Jo",
    "nice linn ra lynn ssa na ya nne lie mke nda trice yla ssy ndy ne ke rah lien mara",
)
DUTCH_GIVEN_TAIL_M = compounds(
    "Ja Sha Ky Li Ro Mi Ze Na Ay La Ri Ma Da Ju Ki Ne Ti Lu Ya Fe Je Bo",
    "den son ron ano vin mon ley dric rell ko nno mar quin rik vano mer lan dion",
)
DUTCH_FEMALE = Pool(
    "Lisa Sanne Sophie Emma Anna Lotte Eva Fleur Iris Julia Sarah Anouk Kim Laura Romy Demi Britt "
    "Lieke Femke Esmee Naomi Chantal Priscilla Shanna Kelly Melissa Tamara Jessica Sabrina Nina "
    "Noa Tess Sara Isa Zoë Mila Amber Floor Jasmijn Maud Linda Sandra Denise Bianca Marloes Manon "
    "Ilse Nicole Mandy Samantha Jamie Megan Lynn Yara Fenna Noor Roos Evi Milou Nikki Kimberley "
    "Merel Danique Shirley Yvonne Monique Joyce Desiree Stephanie Kiki Lana Indy Elin Jill Noëlle "
    "Chloë Anne Maartje Rianne Daphne Silvia Saskia Mirjam Astrid",
    skew=0.45,
    tail=DUTCH_GIVEN_TAIL_F,
    tail_share=0.15,
)
DUTCH_MALE = Pool(
    "Daan Thomas Tim Lars Bram Sem Ruben Jesse Kevin Mike Dylan Niels Stefan Jeroen Mark Dennis "
    "Rick Luuk Stijn Max Finn Milan Levi Noah Lucas Julian Thijs Jayden Joey Sven Bas Koen Jasper "
    "Wesley Sander Robin Nick Sebastiaan Gijs Joris Timo Jelle Wouter Pieter Rutger Marco Patrick "
    "Ricardo Justin Jordy Damian Quinten Youri Ryan Jordi Davey Mitchell Danny Roy Rens Sam Tijn "
    "Jens Mats Gerben Erik Frank Martijn Arjen Vincent Maarten",
    skew=0.45,
    tail=DUTCH_GIVEN_TAIL_M,
    tail_share=0.15,
)
DUTCH_SECOND_F = Pool(
    "Maria Johanna Cornelia Elisabeth Petronella Wilhelmina Catharina Hendrika Geertruida Adriana "
    "Anna Jacoba Theodora Francisca Antonia Helena Margaretha Christina Louise Sophie",
    skew=0.7,
)
DUTCH_SECOND_M = Pool(
    "Johannes Hendrik Cornelis Petrus Jacobus Willem Gerardus Adrianus Theodorus Antonius "
    "Franciscus Hubertus Maria Jan Pieter Dirk Gerrit Marinus Wilhelmus Alexander",
    skew=0.7,
)
# Short forms a Dutch person may go by (roepnaam) while the population register holds the full
# name: care workers and NGOs write the call name, police, KMar and IND the official names.
CALL_NAMES = {
    "Alexander": "Alex",
    "Elisabeth": "Lisa",
    "Johannes": "Hans",
    "Cornelis": "Kees",
    "Jacobus": "Jaap",
    "Wilhelmina": "Mina",
    "Catharina": "Karin",
    "Sebastiaan": "Bas",
    "Maximiliaan": "Max",
    "Samantha": "Sam",
    "Kimberley": "Kim",
    "Jasmijn": "Jas",
    "Stephanie": "Steffie",
    "Nicole": "Nikki",
    "Dennis": "Den",
    "Petronella": "Nel",
    "Johanna": "Anneke",
    "Willem": "Wim",
    "Hendrik": "Henk",
    "Gerardus": "Gerard",
    "Adrianus": "Ad",
    "Theodorus": "Theo",
    "Antonius": "Toon",
    "Franciscus": "Frans",
    "Margaretha": "Margriet",
    "Christina": "Tineke",
    "Daniëlle": "Daan",
    "Wouter": "Wout",
}

SURINAMESE_SURNAMES = Pool(
    "Ramdin Jagessar Mahabier Ramcharan Bissessar Soekhoe Ramsaran Baldew Kalloe Ramautar Lachman "
    "Sewdien Pinas Esajas Redan Kasanmoesdiran Sastrodikromo Kartodikromo Amatmoekrim Wijngaarde "
    "Vreden Held Doelwijt Nelom Karijopawiro Sitaldin Tjon_A_Fong Chin_A_Lin Sardjoe Bhola "
    "Tjin_A_Djie Martis Statia Maduro Rosaria Isenia Martina Frans Daal",
    skew=0.3,
    tail=compounds(
        "Ram Jag Mah Sew Bal Kal Soek Sit Ban Bis Gan Lach Kas Sar Kart Moes",
        "din dew jie sing abier oe ai persad loe ai sarran dajal pal charan dien",
        "",
    ),
    tail_share=0.5,
)
SURINAMESE_FEMALE = Pool(
    "Shanti Sharda Anjali Priya Sunita Natasha Kimberley Shirley Ginevra Chevelly Shanice Jamila "
    "Sabitri Reshma Angelique Romina Shakira Chantal Kelly Dewi Sri Wati Mireille Ruth Jennifer",
    skew=0.3,
)
SURINAMESE_MALE = Pool(
    "Rishi Ravi Sanjay Anand Vikash Rajesh Dinesh Romano Ricardo Marciano Gilbert Jurgen Clarence "
    "Roy Darryl Glenn Anil Navin Soeresh Gerwin Xaviero Dwight Jerrel Rodney",
    skew=0.3,
)

MOROCCAN_SURNAMES = Pool(
    "El_Idrissi|Idrissi|El-Idrissi Benali|Ben_Ali Bouzid El_Amrani|Elamrani|Amrani "
    "Alaoui|El_Alaoui Tahiri|Tahiri Bakkali|El_Bakkali El_Khatib|Elkhatib|Khatib Ouali|Wali "
    "Azzouz|Azouz Amezian|Amaziane Ait_Ali|Aït_Ali|Ait-Ali Benhaddou Ouahmane El_Hamdaoui|"
    "Hamdaoui Chaouch|Shaouch Ziani|Zayani Bouchtaoui El_Ouazzani|Ouazzani Akhiyat Boulahrouz "
    "Azarkan Mahraoui El_Ghazi|Elghazi Achahbar Bouhalhal Ouaali Haddouchi Chakir|Shakir "
    "Mourabit|El_Mourabit Bouzerda Abdellaoui|Abdelaoui Benaissa|Ben_Aissa El_Yousfi|Youssfi "
    "Harrach Boukhari|Bukhari Tounsi Aouragh Amrani Jebari|Jabari El_Hadioui Ouchan Bellouch",
    skew=0.35,
    tail=compounds(
        "El_ Ben Bou Ait_ Ou Al_ Ab",
        "hadi khalfi mrabet kaddour riffi zaidi hajji kassi "
        "salhi tahri moussaoui ouardi bakri charki fassi jilali mahi naji ",
        "",
    ),
    tail_share=0.45,
)
MOROCCAN_FEMALE = Pool(
    "Fatima|Fatma|Fatiha Khadija|Khadidja|Khadiza Meryem|Maryam|Mariam Salma Sara|Sarah Imane|Iman "
    "Nadia Soukaina|Soukayna Hanane|Hanan Samira Naima|Naïma Latifa Zineb|Zainab|Zaynab "
    "Asmae|Asma Houda|Hoda Ikram Najat Loubna|Lubna Hajar|Hajjar Siham Yasmina|Yasmine|Jasmina "
    "Nora|Noura Chaimae|Chaima Ilham Rachida|Rashida Malika Aicha|Aïcha|Aisha Dounia|Dunya Kawtar"
    "|Kaoutar|Kawthar Ghizlane Nisrine Oumaima|Umaima Rania",
    skew=0.5,
)
MOROCCAN_MALE = Pool(
    "Mohamed|Mohammed|Muhammad|Mohammad|Mohamad|Mohamd|Mouhamed Ahmed|Ahmad|Achmed "
    "Youssef|Yousef|Yusuf|Youssouf Yassine|Yassin|Yasin Hamza|Hamsa Mehdi|Mahdi Bilal Ayoub|Ayub "
    "Khalid|Khaled|Chalid Rachid|Rashid|Rachied Said|Saïd|Saeed Mustapha|Mustafa|Moustafa "
    "Abdelkader|Abdelkadir|Abdulkadir Omar|Umar|Omer Soufiane|Sufyan|Soufyan "
    "Anas Ilias|Ilyas|Elias "
    "Adam Ismail|Ismaïl|Smail Karim|Kareem Nordin|Noureddine|Nourdin Abdel|Abdul Redouan|Redouane|"
    "Ridwan Tarik|Tariq|Tarek Zakaria|Zakariya|Zakariae Hicham|Hisham Jamal|Djamal Brahim|Ibrahim"
    "|Ebrahim Driss|Idriss|Idris Nabil Othman|Osman|Uthman",
    skew=0.6,
)

ARAB_SURNAMES = Pool(
    "Al-Ahmad|Al_Ahmad|Alahmad|Ahmad Al-Hussein|Al_Hussein|Alhussein|Hussein Al-Ali|Alali|Ali "
    "Haddad|Hadad Khalil|Chalil Ibrahim|Ebrahim Hassan|Hasan Hamdan Saleh|Salih|Saleh "
    "Mahmoud|Mahmud|Mahmood Kurdi|Al-Kurdi Al-Khalaf|Alkhalaf|Khalaf Darwish|Darwiche|Derwisch "
    "Othman|Osman|Uthman Abdel_Rahman|Abdelrahman|Abdulrahman|Abd_El-Rahman Al-Hamad|Alhamad|Hamad "
    "Mustafa|Moustafa Yousef|Youssef|Yusuf Sulaiman|Suleiman|Soliman Al-Saleh|Alsaleh Nasser|Nassar"
    "|Nasir Abdallah|Abdullah|Abdulla Fares|Faris Jaber|Jabir Said|Saeed|Sayed Habib Kassem|Qasim"
    "|Kasem Mansour|Mansur Al-Obaidi|Alobaidi|Obeidi Al-Jubouri|Aljuburi|Jubouri",
    skew=0.35,
    tail=compounds(
        "Al- Abu_ Abdel Bani_ El_",
        "hamdan jasim rifai zoubi masri halabi shami sharif tamimi "
        "dulaimi zubaidi hakim karim rashid najjar khatib",
        "",
    ),
    tail_share=0.4,
)
ARAB_FEMALE = Pool(
    "Fatima|Fatma Maryam|Mariam|Meryem Aya|Aja Noor|Nour|Nur Hiba|Heba Rahaf Rasha|Racha "
    "Amal Rana Yasmin|Jasmin|Yasmine Aisha|Aicha|Aïsha Zainab|Zeinab|Zaynab Hala Lina|Leena "
    "Samar Dina|Deena Sara|Sarah Layla|Leila|Laila Ruba Nada Asmaa|Asma Huda|Hoda Shaima|Shaymaa "
    "Reem|Rim Amira|Ameera",
    skew=0.5,
)
ARAB_MALE = Pool(
    "Mohammed|Muhammad|Mohamed|Mohammad|Mohamad|Muhammed Ahmad|Ahmed Ali Omar|Umar Mahmoud|Mahmud "
    "Hussein|Husein|Hussain Khaled|Khalid|Chaled Mustafa|Moustafa|Mostafa Abdullah|Abdallah|"
    "Abdulla Ibrahim|Ebrahim|Brahim Youssef|Yousef|Yusuf Hassan|Hasan Karim|Kareem Tarek|Tariq|"
    "Tarik Amir|Ameer Hamza Saeed|Said|Sayed Osama|Usama Bilal Anas Yasser|Yasir|Jasser "
    "Samir|Sameer Adnan Fadi Rami|Ramy Waleed|Walid Jamal|Gamal Abdelrahman|Abdulrahman|"
    "Abd_El-Rahman",
    skew=0.65,
)

TURKISH_SURNAMES = Pool(
    "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan "
    "Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Özer Güneş Erdoğan Aksoy Yavuz Tekin Taş Aktaş "
    "Avcı Bulut Akın Güler Karaca Ünal Turan Keskin Bozkurt Tunç Erdem Yücel Uçar Sarı",
    skew=0.55,
    tail=compounds(
        "Ak Kara Öz Gül Er Ay Boz Can Dur Yıl Sarı Gök Taş Uz Kök Al Tur Bay",
        "soy demir kan türk taş han kaya oğlu er bey yol dağ göz su ",
    ),
    tail_share=0.45,
)
TURKISH_FEMALE = Pool(
    "Fatma Ayşe Emine Hatice Zeynep Elif Merve Büşra Esra Özlem Derya Gül Sevgi Dilek Tuğba Kübra "
    "Gizem Ebru Yasemin Selin Melek Hülya Sibel Aslı Nur Ecem Ceren İrem Buse Şeyma",
    skew=0.5,
)
TURKISH_MALE = Pool(
    "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Burak Yusuf Ömer Osman Kemal Serkan "
    "Hakan Volkan Ömer Fatih Halil Recep Cem Can Enes Furkan Oğuz Uğur Kadir Ramazan Erkan",
    skew=0.55,
)

NIGERIAN_SURNAMES = Pool(
    # Edo (Benin City, where most Nigerian victims in Europe come from), then Igbo and Yoruba.
    "Osagie Omoruyi Igbinedion Omoregie Aigbe Osaro Idahosa Iyamu Obaseki Osayande Ehigiator "
    "Osemwengie Uwadiae Aghedo Izevbigie Ogbeide Erhabor Eghosa Osagiede Edokpolo Okungbowa "
    "Ekhator Imasuen Omorodion Uyi|Uyiosa Osazuwa Asemota Ogiemwonyi Aimienoho Okafor Okonkwo Eze "
    "Nwachukwu Obi Okeke Chukwu Nwosu Anyanwu Okoro "
    "Ugwu Onyeka|Onyekachi Ibe Okoye Adeyemi Adebayo "
    "Ogunleye Oladipo Akinola Ojo Olawale Afolabi Bello Balogun Okon Effiong Musa Ibrahim",
    skew=0.35,
    tail=compounds(
        "Osa Ogie Igbi Omo Ehi Ose Aig Uwa Izo Ogbe Eki Ada Olu Ade Chi Nwa Oko Obi Ifeo Ugo",
        "gie ruyi nedion regie bor mwen diae kpolo huwa wonyi mota sere yemi bayo kwu nna ma for "
        "lade ke ma ji",
    ),
    tail_share=0.45,
)
NIGERIAN_FEMALE = Pool(
    "Blessing Joy Precious Favour Gift Peace Success Mercy Happiness Faith Esther Osas|Osasu "
    "Osaretin Efe Ese Princess Patience Glory Loveth Comfort Vivian Stella Juliet Sandra Jennifer "
    "Chioma Ngozi Adaeze Funmilayo Folake Bukola Omolara Sarah|Sara Mary Grace Goodness Beauty "
    "Rita Ivie|Ivy Osarumen Eki Itohan Uyi Omosede Gladys Evelyn Victoria Rose Naomi Deborah",
    skew=0.5,
    tail=compounds("Osa Ivi Eso Ita Ome Ada Chi Ife Ola", "ru ose nosa hen ze bi oma ye", ""),
    tail_share=0.1,
)
NIGERIAN_MALE = Pool(
    "Osagie Emmanuel Samuel Daniel Godwin Friday Sunday Monday Lucky Kingsley Chinedu Emeka Tunde "
    "Segun Femi Ikechukwu Osaro Osas Efosa Eghosa Collins Stanley Victor Paul Peter John Michael "
    "Joseph Prince Godspower Destiny Osamudiamen Ifeanyi Uchenna Chukwuemeka",
    skew=0.55,
)

GHANAIAN_SURNAMES = Pool(
    "Mensah Owusu Boateng Asante Appiah Osei Amoah Ofori Agyeman Adjei Darko Asamoah Nkrumah Ansah "
    "Quaye Amponsah Frimpong Acheampong Opoku Danso Yeboah Sarpong Antwi Kyei Tetteh Addo Annan",
    skew=0.45,
)
GHANAIAN_FEMALE = Pool(
    "Akua Ama Afia|Afua Abena Adwoa Yaa Akosua Grace Patience Gifty Mercy Comfort Esi Efua Vida "
    "Linda Priscilla Rita Dorcas Beatrice Agnes",
    skew=0.4,
)
GHANAIAN_MALE = Pool(
    "Kwame Kofi Kwaku Yaw Kwabena Kojo Kwesi|Kwasi|Kwesi Emmanuel Isaac Samuel Richard Eric "
    "Prince Joseph Ebenezer Francis Daniel Stephen Felix Michael",
    skew=0.4,
)

MANDE_SURNAMES = Pool(  # Sierra Leone, Guinea
    "Kamara Conteh|Conte|Kanteh Sesay|Sessay|Sisay Bangura Koroma Kanu Turay|Touray|Toure Mansaray "
    "Jalloh|Diallo|Djalo Bah|Ba Barrie|Barry Kargbo Camara|Kamara Sylla|Sillah Soumah|Sumah Keita"
    "|Keïta|Kaita Conde|Condé|Konde Traore|Traoré|Tarawally Sow|Sowe Fofanah|Fofana Kallon Sankoh "
    "Cole Johnson Koroma Bundu Jabbie Tarawalie Dumbuya Kabba|Kaba Sheriff|Cherif Kamano "
    "Doumbouya|Dumbuya",
    skew=0.55,
)
MANDE_FEMALE = Pool(
    "Fatmata|Fatoumata|Fatimata Mariama|Mariam Aminata Isatu|Isatou Hawa|Awa Kadiatou|Kadiatu "
    "Adama Mabinty Zainab|Zainabu Fanta Salamatu Kumba Aissatou|Aisatu Mariatu|Mariatou Hadja "
    "Sallay Binta Christiana Memuna|Maimuna Ramatoulaye",
    skew=0.5,
)
MANDE_MALE = Pool(
    "Mohamed|Mohammed|Mamadou|Mahmoud Ibrahim|Ibrahima Abdul|Abdoul Alhaji|Elhadj Ousmane|Usman "
    "Alpha Sheku|Cheick Amadou|Ahmadu Abu|Abou Sorie Foday Sahr Saidu|Saïdou Lansana Alieu|Aliou "
    "Musa|Moussa Abubakar|Aboubacar Mohamed_Lamin Thierno|Tierno Sekou|Sékou",
    skew=0.55,
)

CAMEROONIAN_SURNAMES = Pool(
    "Ngono Mbarga Atangana Fouda Nkoulou Essomba Tchoupo Nguema Kamga Tchinda Fotso Njoya Mballa "
    "Ndongo Onana Eto'o Mbappe Tchakounte Nana Ngo_Mbock Nkwenti Tabi Ayuk",
    skew=0.3,
)
CAMEROONIAN_FEMALE = Pool(
    "Marie Christelle Sandrine Aurélie Estelle Arlette Brenda Nadège Clarisse Mireille Carine "
    "Stéphanie Laure Nicole Josiane",
    skew=0.3,
)
CAMEROONIAN_MALE = Pool(
    "Brice Cyrille Franck Ghislain Jean Paul Serge Hervé Rodrigue Yannick Arnaud Landry Patrick",
    skew=0.3,
)

UGANDAN_SURNAMES = Pool(
    # Luganda names are personal (clan) names, not family names: siblings rarely share one.
    "Nakato Namubiru Nansubuga Nalwanga Babirye Nakimuli Nabukenya Namuli Nakalema Nantongo "
    "Nalubega Namutebi Nakibuuka Nassaka Mukasa Ssemakula Kato Waiswa Kiggundu Lubega Ssekandi "
    "Mugisha Tumusiime Atuhaire Akello Auma Apio Achieng Okello Otim Namatovu Nabirye Kyomuhendo "
    "Ainembabazi Kobusingye Nyakato Asiimwe Byaruhanga Twinomugisha",
    skew=0.2,
    tail=compounds(
        "Na Ssa Ki Mu Ka Tu Ai Nya Bya Lu Wa Ba",
        "kato mubiru lwanga bukenya tebi ggala ",
        "",
    ),
    tail_share=0.4,
)
UGANDAN_FEMALE = Pool(
    "Sarah Grace Mary Esther Florence Brenda Sharon Joan Winnie Annet Harriet Prossy Juliet Agnes "
    "Ritah Doreen Immaculate Gloria Patience Resty Shamim Aisha Scovia Fiona Peace Betty Irene",
    skew=0.4,
)
UGANDAN_MALE = Pool(
    "John Joseph Moses Ivan Brian Isaac Ronald Emmanuel David Henry Denis Peter Robert Paul "
    "Godfrey Fred Julius Geoffrey Samuel Charles Hakim Ismail",
    skew=0.4,
)

# Tigrinya and Amharic names: a person has a given name, then the father's given name and the
# grandfather's given name; there is no family name. Sources put the father's name in the
# surname field, some the grandfather's; siblings share the father's name.
TIGRINYA_MALE = Pool(
    "Yonas|Yonass|Jonas Dawit|Dawitt|David Tesfay|Tesfaye|Tesfai Haile|Hayle|Hailé Kidane|Kidanu "
    "Tekle|Teklay|Tekleh Berhane|Birhane|Berhan Mehari|Mihari|Meharie Yemane|Yemanе Habte|Habtu "
    "Goitom|Guitom Filmon|Filimon Robel Merhawi|Mehrawi Amanuel|Emanuel|Amanual "
    "Yohannes|Yohanes|Yohanis|Johannes Biniam|Biniyam|Binyam Solomon|Selomon Aron|Aaron "
    "Henok|Henock|Enoch Mulugeta Kibrom|Kiflom Semere|Semre Medhanie|Medhane|Medhanie "
    "Gebremedhin|Ghebremedhin|Gebre_Medhin|G/Medhin Gebremichael|Ghebremichael|Gebre_Michael|"
    "G/Michael Weldemariam|Woldemariam|Welde_Mariam Zerai|Zeray Abraham|Abrham Isaak|Isaac|Yishak "
    "Mebrahtu|Mebrahtom Asmerom Berhe|Berhe Gebru|Ghebru Tewelde|Tewolde Negasi|Negassi "
    "Tesfamariam|Tesfa_Mariam|Tesfamariyam Ghirmay|Girmay|Ghirmai Abel Nahom|Nahome Samuel|Samuel "
    "Daniel|Danel Michael|Mikael Fitsum|Fitsume Eyob|Iyob|Job Kahsay|Kahsai Tsegay|Tsegai|Tsegaye",
    skew=0.55,
)
TIGRINYA_FEMALE = Pool(
    "Helen|Hellen|Helena Selam|Salam Senait|Senayt|Senait Saba Ruta|Rutha Mihret|Mehret|Mihrete "
    "Luwam|Luam Yordanos|Yordanos Feven|Fiven Winta|Wintana Hiwet|Hiwot Rahel|Rachel|Rahwa "
    "Semhar|Simhar Tsega|Tsiga Almaz|Almas Abeba Letekidan|Letikidan|Lete_Kidan Hanna|Hana Eden "
    "Mebrat Azeb|Aziza Meron|Miron Rigat Freweini|Frewoini|Fréweyni Tsehaye|Tsehay Yohana|Yohanna "
    "Selamawit|Selamawet Aster|Astier Elsa Lidya|Lydia Sara|Sarah Milen",
    skew=0.5,
)
AMHARIC_MALE = Pool(
    "Abebe Bekele Girma Tadesse|Tadese Alemu Getachew Kebede Desta Mengistu Tesfaye|Tesfay Worku "
    "Assefa|Asefa Solomon Dawit Yohannes|Yohanes Mulugeta Berhanu|Birhanu Haile|Hayle Tilahun "
    "Fikru Ayele Demissie|Demisse Wondimu Negash Teshome Lemma Gemechu Tolosa Dereje Abdi "
    "Mohammed|Mohamed",
    skew=0.5,
)
AMHARIC_FEMALE = Pool(
    "Tigist Meseret Hirut Bethlehem|Betelhem Mahlet Selamawit Tsion|Zion Marta|Martha "
    "Kidist|Kidest Hiwot|Hiwet Meskerem Genet Aster Almaz Tsehay Yeshi Worknesh Eden Hana|Hanna "
    "Feven Ruth Alem Sintayehu Fatuma|Fatima",
    skew=0.45,
)
SOMALI_MALE = Pool(
    "Mohamed|Mohammed|Maxamed|Muhammad Abdi|Cabdi Ahmed|Axmed|Ahmad Ali|Cali Hassan|Xasan|Hasan "
    "Hussein|Xuseen|Hussein Omar|Cumar|Umar Yusuf|Yuusuf|Yousuf Abdullahi|Cabdullahi|Abdulahi "
    "Farah|Faarax Warsame Osman|Cismaan|Usman Ismail|Ismaaciil "
    "Nur|Nuur|Noor Jama|Jaamac Aden|Aadan "
    "Abdirahman|Cabdiraxmaan|Abdurahman Said|Saciid|Saeed Ibrahim|Ibraahim Mahamud|Maxamuud|"
    "Mahmoud Dahir|Daahir Elmi|Cilmi Hirsi|Xirsi Abdikarim|Cabdikariim Guled Bashir",
    skew=0.6,
)
SOMALI_FEMALE = Pool(
    "Fadumo|Faadumo|Fatuma|Fatima Amina|Aamina Hodan|Hodon Asha|Aasha|Aisha Sahra|Saxra|Sahro "
    "Halimo|Xaliimo|Halima Ayaan|Ayan Khadra|Khadro|Xadra Hawa|Xaawo|Hawo Ikran|Ikraan Sagal "
    "Maryan|Maryam|Mariam Nimo|Nimco Ifrah|Ifrax Deeqa|Deka Fardowsa|Firdowsa Muna Ubah|Ubax",
    skew=0.55,
)
AFGHAN_SURNAMES = Pool(
    "Ahmadi Mohammadi|Muhammadi|Mohamadi Hosseini|Hussaini|Husseini Rezaei|Rezai|Rezaie "
    "Karimi Hashimi|Hashemi Sultani|Soltani Rahimi Azizi Noori|Nouri|Nuri Hakimi Amiri "
    "Jafari|Jafary|Djafari Ahmadzai Stanekzai Popal Safi Sadat Haidari|Heidari|Haydari "
    "Rasuli|Rasouli Sharifi Habibi Naseri|Nasiri Mirzaei|Mirzai Ghafoori|Ghafuri Yousufzai|"
    "Yousafzai Qaderi|Ghaderi|Kaderi Akbari Nazari",
    skew=0.5,
    tail=compounds("Abdul Gul Shah Nur Mir Said Khan", "zada zai mand yar khil i", ""),
    tail_share=0.2,
)
AFGHAN_FEMALE = Pool(
    "Fatima|Fatemeh|Fatema Zahra|Zahra Maryam|Mariam Sakina|Sakineh Masooma|Masoumeh|Masuma "
    "Nargis|Narges Parisa Shabnam Farishta|Fereshteh Zainab|Zeinab Nazanin Mursal Hadia|Hadiya "
    "Marzia|Marziyeh Roya Setara|Sitara Mahtab Somaya|Sumaya Leila|Laila Arezo|Arezoo",
    skew=0.5,
)
AFGHAN_MALE = Pool(
    "Mohammad|Mohammed|Muhammad|Mohamad Ali Ahmad|Ahmed Hussain|Hossein|Hussein|Husain "
    "Mustafa|Mostafa Reza|Resa Abdul Hamid|Hameed Ali_Reza|Alireza Sayed|Said|Seyed "
    "Mahdi|Mehdi Hassan|Hasan Javad|Jawad Amir Rahmatullah|Rahmatollah Noorullah|Nurullah "
    "Ibrahim|Ebrahim Mujtaba Bilal Farid|Fareed Jamshid|Jamshed Habib Yousuf|Yusuf Nasir|Naser "
    "Khalid|Khaled Wahid|Waheed Samiullah|Sami Zabihullah Ahmad_Shah|Ahmadshah",
    skew=0.55,
)
PAKISTANI_SURNAMES = Pool(
    "Khan Ahmed|Ahmad Ali Hussain|Hussein|Husain Iqbal Malik Butt|But Raza Akhtar|Akhter Shah "
    "Mahmood|Mehmood|Mahmud Chaudhry|Chaudhary|Choudhry Bibi Rehman|Rahman Aslam Javed|Javaid "
    "Anwar Mirza Qureshi|Kureshi Siddiqui|Siddiqi Sheikh|Shaikh Abbas Nawaz Rashid|Rasheed",
    skew=0.6,
)
PAKISTANI_FEMALE = Pool(
    "Ayesha|Aisha Fatima Sana Saima Nadia Amna Maryam Hina Sadia Rabia Bushra Farah Iqra Zainab "
    "Mehwish Nazia Shazia Samina Rukhsana Kiran",
    skew=0.5,
)
PAKISTANI_MALE = Pool(
    "Muhammad|Mohammad|Mohammed|Mohamed Ali Ahmed|Ahmad Usman|Osman Hassan|Hasan Bilal Imran "
    "Kamran Asif Adnan Faisal Zeeshan Shahid Tariq|Tarik Naveed|Navid Waqas Umar|Omar Hamza "
    "Irfan Rizwan Sajid",
    skew=0.6,
)
INDIAN_SURNAMES_F = Pool(
    "Kaur:18 Kumari:6 Sharma Devi Patel Das Singh Reddy Gupta Yadav Nair Rao Shah Verma Thomas "
    "Joseph George Mathew Pillai Menon Begum Khatun Jain Mishra Pandey Chauhan Joshi Iyer Naidu",
    skew=0.5,
)
INDIAN_SURNAMES_M = Pool(
    "Singh:24 Kumar:9 Sharma Patel Das Reddy Gupta Yadav Nair Rao Shah Verma Thomas Joseph George "
    "Mathew Pillai Menon Khan Ali Jain Mishra Pandey Chauhan Joshi Iyer Naidu Sidhu Gill Sandhu",
    skew=0.5,
)
INDIAN_FEMALE = Pool(
    "Harpreet Gurpreet Manpreet Jaswinder Amandeep Sandeep Priya Pooja Sunita Lakshmi Anjali "
    "Kavita Rekha Neha Divya Asha Jyoti Meena Sangeeta Anita Geeta Mary Sheeba Reena Lovepreet "
    "Rajwinder Kamaljeet Simran Navjot",
    skew=0.4,
)
INDIAN_MALE = Pool(
    "Gurpreet Harpreet Manpreet Jaswinder Amandeep Sandeep Rajesh Sunil Ramesh Suresh Mohammed "
    "Vijay Ravi Anil Manoj Sanjay Deepak Rahul Amit Ajay Lovepreet Sukhwinder Kuldeep Baljit "
    "Balwinder Senthil Murugan Arjun Prakash Rakesh",
    skew=0.4,
)
# Tamil and some other South Indian names have no family name (a given name and the father's
# initial); 10 % of the Indian people here.
INDIAN_MONONYMS = Pool(
    "Senthil Murugan Selvam Ramasamy Kannan Karthik Saravanan Prabhu Velu Lakshmi Selvi Kala "
    "Muthu Ganesan Palani Arumugam Rajan Suganthi Meenakshi Vasanthi",
    skew=0.3,
)

ROMANIAN_SURNAMES = Pool(
    "Popa Popescu Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Ionescu Rusu Constantin "
    "Mihai Munteanu Lazăr Marin Florea Dinu Moldovan Ene Ion Tudor Barbu Dobre Ilie Dumitrescu "
    "Nistor Sandu Preda Toma Zamfir Mocanu Oprea Neagu Ungureanu Stanciu Voicu Diaconu Răduță "
    "Căldărar Lăcătuș Ursu Rădulescu Cristea Vasile Anghel Sârbu Nedelcu",
    skew=0.45,
    tail=compounds(
        "Stoi Radu Mari Nicu Băl Tănă Cost Grig Mir Vlă Șer Nea Bur Ciu Pă Văl Măr Dră Lup",
        "escu eanu anu ache oiu ică aru ea ete ilă uță oaie",
    ),
    tail_share=0.55,
)
ROMANIAN_FEMALE = Pool(
    "Maria Elena Ioana Andreea Alexandra Mihaela Ana Cristina Gabriela Florentina Daniela Nicoleta "
    "Alina Adriana Georgiana Roxana Ramona Denisa Bianca Larisa Claudia Simona Loredana Mădălina "
    "Iuliana Diana Raluca Elisabeta Violeta Corina Alexandrina Petronela Florina Cosmina Anca",
    skew=0.55,
)
ROMANIAN_MALE = Pool(
    "Ion Gheorghe Ioan Vasile Constantin Alexandru Andrei Mihai Nicolae Florin Marian Adrian "
    "Daniel Ionuț Cristian Gabriel Ștefan Dumitru Marius Bogdan Costel Cătălin Valentin Lucian "
    "Sorin Petru Dorin Viorel Cosmin Răzvan",
    skew=0.55,
)

POLISH_STEMS = Pool(
    # "-ski" stems are gendered (-ska for women); the rest are not.
    "Nowak Kowalsk- Wiśniewsk- Wójcik Kowalczyk Kamińsk- Lewandowsk- Zielińsk- Szymańsk- Woźniak "
    "Dąbrowsk- Kozłowsk- Jankowsk- Mazur Kwiatkowsk- Wojciechowsk- Krawczyk Kaczmarek Piotrowsk- "
    "Grabowsk- Zając Pawłowsk- Michalsk- Król Wieczorek Jabłońsk- Wróbel Nowakowsk- Majewsk- "
    "Olszewsk- Stępień Malinowsk- Jaworsk- Adamczyk Dudek Nowick- Pawlak Górsk- Witkowsk- Walczak "
    "Sikora Baran Rutkowsk- Michalak Szewczyk Ostrowsk- Tomaszewsk- Pietrzak Wróblewsk- Marciniak",
    skew=0.5,
    tail=compounds(
        "Bor Grab Kos Lis Mał Now Sob Ryb Sad Staw Wil Zaw Biel Czer Dob Gaw Jas Kop Lip Mich "
        "Pop Roz Sik Tar Wal Zar",
        "owsk- ińsk- ick- ak ek czyk iak uk ewicz as ała ko",
    ),
    tail_share=0.6,
)
POLISH_FEMALE = Pool(
    "Anna Katarzyna Maria Małgorzata Agnieszka Barbara Ewa Magdalena Joanna Monika Krystyna "
    "Aleksandra Natalia Karolina Paulina Justyna Marta Beata Dorota Sylwia Weronika Julia Zuzanna "
    "Kinga Patrycja Izabela Dominika Ilona Marzena Renata",
    skew=0.5,
)
POLISH_MALE = Pool(
    "Piotr Krzysztof Andrzej Tomasz Paweł Jan Michał Marcin Jakub Adam Łukasz Marek Grzegorz "
    "Mateusz Wojciech Mariusz Dariusz Zbigniew Rafał Kamil Robert Sebastian Dawid Przemysław "
    "Jarosław Sławomir Damian Bartosz Szymon Artur",
    skew=0.5,
)
LITHUANIAN_STEMS = Pool(
    "Kazlausk-as Jankausk-as Petrausk-as Stankevič-ius Vasiliausk-as Žukausk-as Butkevič-ius "
    "Paulausk-as Urbon-as Kavaliausk-as Baranausk-as Pranckevič-ius Navick-as Ramanausk-as "
    "Savick-as Rimk-us Sadausk-as Adomait-is Mock-us Vaitk-us",
    skew=0.4,
)
LITHUANIAN_FEMALE = Pool(
    "Jurgita Rasa Kristina Ieva Agnė Laura Rūta Inga Vilma Greta Eglė Justina Aistė Gintarė Lina",
    skew=0.4,
)
LITHUANIAN_MALE = Pool(
    "Tomas Mindaugas Darius Andrius Mantas Marius Paulius Aurimas Vytautas Jonas Giedrius "
    "Tadas Lukas Rokas Karolis",
    skew=0.4,
)
SLOVAK_STEMS = Pool(
    # Roma families (Horváth, Lakatoš, Kotlár, Balog...) are much of the Slovak victims.
    "Horváth Lakatoš Kotlár Balog Červeňák Oláh Gábor Pompa Mirga Dunka Kováč Varga Tóth Nagy "
    "Baláž Szabó Molnár Novák Lukáč Polák Kollár Hudák Rusnák Sivák",
    skew=0.55,
)
SLOVAK_FEMALE = Pool(
    "Mária Zuzana Jana Lucia Katarína Monika Veronika Martina Simona Nikola Dominika Petra "
    "Vanesa Natália Klaudia",
    skew=0.45,
)
SLOVAK_MALE = Pool(
    "Peter Ján Martin Michal Jozef Tomáš Marek Lukáš Milan Róbert Dušan Štefan Roman Miroslav "
    "Marcel",
    skew=0.45,
)
HUNGARIAN_SURNAMES = Pool(
    # Hungarian victims come largely from poor Roma communities in the north-east, whose family
    # names are concentrated (Lakatos, Balogh, Horváth, Rostás, Orsós, Kolompár...).
    "Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Lakatos Papp Takács "
    "Juhász Oláh Rostás Orsós Kolompár Sztojka Mészáros Rácz Fekete Szilágyi Török Fehér Balázs "
    "Gál Kis Szűcs Kocsis Pintér Fodor Sárközi Vadász Csonka Bodnár Budai Pásztor",
    skew=0.55,
    tail=compounds(
        "Bor Fe Ha Ke Ko Mo Pa Sza Te Va Zsi Csi Gyö Ba Hor",
        "bély kete lász rencz vács nár szári lóczi rekes lai kas györi",
    ),
    tail_share=0.25,
)
HUNGARIAN_FEMALE = Pool(
    "Mária Erzsébet Katalin Ilona Éva Anita Krisztina Zsuzsanna Andrea Nikolett Szabina Vivien "
    "Alexandra Renáta Tímea Brigitta Dóra Fanni Evelin Klaudia Marianna Viktória Bianka Jázmin",
    skew=0.5,
)
HUNGARIAN_MALE = Pool(
    "László István József János Zoltán Sándor Gábor "
    "Ferenc Attila Péter Tamás Zsolt Tibor Krisztián "
    "Norbert Richárd Dávid Roland Róbert Csaba Béla Imre Gyula Márk Bence",
    skew=0.5,
)
ALBANIAN_SURNAMES = Pool(
    "Hoxha Shehu Krasniqi Gashi Berisha Dervishi Leka Kola Marku Gjoka Hysa Lika Meta Xhafa Cela "
    "Basha Rama Dema Ndreu Prifti Muça Bajrami Lleshi Duka Brahimi",
    skew=0.45,
)
ALBANIAN_FEMALE = Pool(  # Albanian nouns have a definite form: Blerina / Blerinë, Ardit / Arditi
    "Elira Anisa Blerina|Blerinë Ermira Jonida Klea Alketa Eriona Arjola Ornela Besjana Sara "
    "Xhensila Kejsi Rudina Migena",
    skew=0.4,
)
ALBANIAN_MALE = Pool(
    "Ardit|Arditi Arben|Arbeni Besnik|Besniku Erion|Erioni Klodian|Klodiani Gentian|Gentiani Ervin "
    "Fatjon Elton Altin|Altini Dritan|Dritani Mario Kristi Endrit|Endriti Marsel",
    skew=0.45,
)

# Names written in Cyrillic; "a/b" is the Ukrainian and the Russian form of one given name.
EASTSLAVIC_SURNAMES = Pool(
    "Мельник Шевченко Бойко Коваленко Бондаренко Ткаченко Ковальчук Кравченко Олійник Шевчук "
    "Поліщук Коваль Бондар Ткачук Марченко Лисенко Руденко Савченко Петренко Мороз Клименко "
    "Павленко Кравчук Кузьменко Левченко Іваненко Гончаренко Романенко Литвиненко Мазур Ковальов- "
    "Іванов- Попов- Петров- Соколов- Кузнєцов- Мельников- Волков- Захарчук Гнатюк Савчук Остапенко "
    "Пономаренко Дмитренко Білик Ярошенко Лук'яненко Кириленко Сидоренко Ковальськ- Кравець",
    skew=0.45,
    tail=compounds(
        "Гриц Панч Дем Стеф Мар Кирил Федор Тимоф Опан Сем Прок Мирон Харч Юрч Гаврил Нестер",
        "енко ук ишин ович юк ів ак ець ун",
    ),
    tail_share=0.5,
)
EASTSLAVIC_FEMALE = Pool(
    "Олена/Елена Наталія/Наталья Тетяна/Татьяна Юлія/Юлия Ірина/Ирина Оксана Світлана/Светлана "
    "Анна Марія/Мария Катерина/Екатерина Ольга "
    "Вікторія/Виктория Анастасія/Анастасия Людмила Галина "
    "Дарія/Дарья Софія/София Яна Аліна/Алина Валентина Христина/Кристина Інна/Инна Ганна/Анна "
    "Олександра/Александра Надія/Надежда Євгенія/Евгения Ксенія/Ксения Лілія/Лилия",
    skew=0.5,
)
EASTSLAVIC_MALE = Pool(
    "Олександр/Александр Сергій/Сергей Андрій/Андрей Віталій/Виталий Дмитро/Дмитрий Юрій/Юрий "
    "Микола/Николай Іван/Иван Олег Володимир/Владимир Максим Артем/Артём Богдан Євген/Евгений "
    "Василь/Василий Петро/Пётр Тарас Роман Ігор/Игорь Михайло/Михаил Віктор/Виктор Олексій/Алексей "
    "Анатолій/Анатолий Ярослав Степан Денис Вадим Руслан",
    skew=0.5,
)
BULGARIAN_SURNAMES = Pool(
    "Иванов- Георгиев- Димитров- Петров- Николов- Христов- Стоянов- Тодоров- Илиев- Василев- "
    "Атанасов- Петков- Ангелов- Колев- Йорданов- Маринов- Стефанов- Попов- Михайлов- Костов- "
    "Асенов- Митев- Радев- Кирилов- Симеонов- Данчев- Алиев- Хасанов- Юсеинов- Мустафов-",
    skew=0.45,
    tail=compounds(
        "Драг Велик Стан Цвет Злат Божил Пен Вел Кир Тан Мил Гроз Рай Дел Слав Чав",
        "ов- ев- иев- чев- анов- инов-",
    ),
    tail_share=0.4,
)
BULGARIAN_FEMALE = Pool(
    "Мария Иванка Елена Йорданка Пенка Даниела Виктория Десислава Гергана Цветелина Николета "
    "Силвия Станислава Радостина Петя Надежда Габриела Симона Ралица Анелия Айше Фатме Емине",
    skew=0.45,
)
BULGARIAN_MALE = Pool(
    "Георги Иван Димитър Николай Петър Христо Стоян Тодор Васил Ангел Атанас Красимир Йордан "
    "Мирослав Асен Кирил Стефан Валентин Емил Мехмед Ахмед Юсеин Али",
    skew=0.45,
)

# Chinese: character and pinyin; many Chinese victims in the Netherlands come from Fujian and
# Zhejiang, hence Chen, Lin and Zheng rank higher than in China as a whole.
CHINESE_SURNAMES = Pool(
    "陈chen:10 林lin:9 王wang:7 李li:6.5 张zhang:6 刘liu:4.5 郑zheng:4 黄huang:3.5 杨yang:3 吴wu:3 "
    "周zhou:2.5 徐xu:2 赵zhao:2 孙sun:1.5 朱zhu:1.5 "
    "胡hu:1.5 郭guo:1.5 何he:1.5 高gao:1.2 罗luo:1.2 "
    "梁liang:1.2 谢xie:1.1 宋song:1 唐tang:1 韩han:1 冯feng:1 邓deng:1 曹cao:1 潘pan:1 叶ye:1.5 "
    "翁weng:0.8 蔡cai:1.2 余yu:0.8 金jin:1 方fang:0.8 卢lu:0.8 施shi:0.8 潘pan:0.6 詹zhan:0.5",
)
CHINESE_SYLLABLES_F = Pool(
    "芳fang 娜na 敏min 静jing 丽li 艳yan 娟juan 秀xiu 霞xia 平ping 英ying 华hua 玉yu 兰lan 梅mei "
    "婷ting 雪xue 琳lin 晓xiao 红hong 燕yan 佳jia 欣xin 怡yi 颖ying 慧hui 莉li 萍ping 月yue 洁jie",
    skew=0.45,
)
CHINESE_SYLLABLES_M = Pool(
    "伟wei 强qiang 磊lei 军jun 洋yang 勇yong 杰jie 涛tao 明ming 超chao 刚gang 文wen 建jian 海hai "
    "鹏peng 辉hui 飞fei 龙long 鑫xin 宇yu 斌bin 波bo "
    "峰feng 东dong 华hua 晓xiao 志zhi 国guo 成cheng "
    "林lin",
    skew=0.45,
)

VIETNAMESE_SURNAMES = Pool(
    "Nguyễn:38 Trần:11 Lê:9.5 Phạm:7 Hoàng:3 Huỳnh:2.5 Phan:4.5 Vũ:2 Võ:2 Đặng:2.1 Bùi:2 Đỗ:1.4 "
    "Hồ:1.3 Ngô:1.3 Dương:1 Lý:0.5 Đinh:0.7 Trịnh:0.5 Mai:0.5 Lương:0.5 Đào:0.5 Trương:0.5 "
    "Lâm:0.4 Phùng:0.3 Tạ:0.3 Cao:0.3 Hà:0.3 Tô:0.3 Lưu:0.3 Thái:0.2 Quách:0.2 Kiều:0.2 Vương:0.2",
)
VIETNAMESE_MIDDLE_F = Pool(
    "Thị:62 Ngọc:8 Thu:5 Thanh:5 Phương:3 Minh:3 Hồng:3 Kim:3 Bích:2 Mai:2 Khánh:1 Hoài:1 Bảo:1"
)
VIETNAMESE_MIDDLE_M = Pool(
    "Văn:45 Đức:10 Minh:10 Hữu:6 Quang:6 Thành:5 Công:4 Xuân:3 Ngọc:3 Thanh:4 Tiến:4"
)
VIETNAMESE_FEMALE = Pool(
    "Hương Lan Linh Hoa Hà Mai Thảo Trang Ngọc Thu Hằng Nhung Phương Thủy Huyền Anh Dung Yến "
    "Nga Hạnh Loan Oanh Vân Hiền Trinh Tuyết Diệp Quyên Nhi Vy",
    skew=0.5,
)
VIETNAMESE_MALE = Pool(
    "Hùng Dũng Tuấn Minh Nam Long Hải Thành Quang Đức Anh Hoàng Phong Sơn Trung Cường Tùng Hiếu "
    "Thắng Huy Khánh Kiên Lâm Phúc Quân Tài Toàn Việt Bình Đạt",
    skew=0.5,
)

THAI_SURNAMES = Pool(
    # Thai family names are unique to a family by law: almost every person has another one.
    "Srisuk Wongsawat Saengthong Phromma Boonmee Kaewkham Chaiyaphum Sukprasert Thongdee",
    skew=0.2,
    tail=compounds(
        "Sri Wong Saeng Phrom Boon Kaew Chai Suk Thong Rat Sing Phan Sang Kham Inth Chan Sombat "
        "Pong Jit Nak Wiset Thep Siri",
        "suk sawat thong ma mee kham yaphum prasert dee ana kul wong chai sri rak porn sombat "
        "phan ngam charoen",
    ),
    tail_share=0.93,
)
THAI_FEMALE = Pool(
    "Siriporn Nattaya Pornthip Malee Sumalee Kanya Ratana Wanida Supaporn Jintana Sunisa Kannika "
    "Nongnuch Pranee Duangjai Arunee Kanokwan Rattana Sirinya Waraporn Nok Noi Ploy Fon",
    skew=0.3,
)
THAI_MALE = Pool("Somchai Somsak Prasert Wichai Anan Chaiwat Sombat Thawatchai Niran", skew=0.3)
THAI_NICKNAMES = Pool("Nok Noi Som Ploy Fon Nan Pim Joy Mai Bee Kung Lek Ning Dao Pla", skew=0.3)

FILIPINO_SURNAMES = Pool(
    "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo Flores "
    "Villanueva Ramos Castro Rivera Aquino Navarro Salazar Mercado dela_Cruz de_Guzman "
    "delos_Santos de_Leon Gonzales Lopez Aguilar Domingo Soriano Pascual Manalo Dizon Lim",
    skew=0.45,
    tail=compounds(
        "Mag Mana Pangi Dala Bala Cabal Sala Tolen Ban Lacs Baca",
        "sino lo linan wan tan lero ino amon gay ay",
        "",
    ),
    tail_share=0.35,
)
FILIPINO_FEMALE = Pool(
    "Maria Mary_Grace Mary_Joy Jennifer Maricel Rowena Marites Jocelyn Michelle Kristine Lovely "
    "Princess Analyn Rosalie Jonalyn Marilou Sheila Lorna Christine Angelica Ma._Cristina "
    "Maria_Cristina Arlene Cherry Rhea",
    skew=0.5,
)
FILIPINO_MALE = Pool(
    "Jose Mark John_Paul Rodel Jayson Ronnie Arnel Joel Michael Reynaldo Jun Romeo Ryan Jerome "
    "Rommel Edgardo Danilo Ariel Christian Noel Jomar Renato",
    skew=0.5,
)

HISPANIC_SURNAMES = Pool(  # Colombia, Dominican Republic, Venezuela: two family names
    "Rodríguez Gómez González Martínez García López Hernández Sánchez Ramírez Pérez Díaz Muñoz "
    "Rojas Moreno Jiménez Vargas Castro Ortiz Rivera Torres Suárez Romero Herrera Medina Guzmán "
    "Mejía Peña Valencia Cardona Quintero Montoya Restrepo Ospina Reyes Santana De_la_Cruz",
    skew=0.5,
    tail=compounds(
        "Bar Cas Val Ech Mar Zu Ar Bel Cor Sal Vill Quin Agu",
        "rera tillo derrama everri quez luaga ango trán onel azar egas tana irre",
        "",
    ),
    tail_share=0.3,
)
HISPANIC_FEMALE = Pool(
    "María|Maria María_Fernanda Ana_María Luisa Carolina Daniela Valentina Paola Andrea Alejandra "
    "Laura Yesenia Yuliana Katherine Leidy Johana Diana Natalia Camila Yolanda Rosa Marisol "
    "Francheska Yokasta Yamilet Estefanía|Stefania Karina Massiel",
    skew=0.5,
)
HISPANIC_MALE = Pool(
    "José Juan Carlos Luis Jorge Andrés Juan_David Juan_Carlos Miguel Ángel Diego Alejandro "
    "Santiago Wilson Jhon|John Yeison Brayan|Bryan Kelvin Ramón Francisco",
    skew=0.5,
)
BRAZILIAN_SURNAMES = Pool(
    "Silva:11 Santos:7 Oliveira:5 Souza|Sousa:4.5 Rodrigues:3 Ferreira:3 Alves:3 Pereira:3 "
    "Lima:2.5 Gomes:2.5 Costa:2 Ribeiro:2 Martins:2 Carvalho:2 Almeida:1.8 Lopes:1.5 Soares:1.5 "
    "Fernandes:1.5 Vieira:1.5 Barbosa:1.4 Rocha:1.3 Dias:1.3 Nascimento:1.3 Andrade:1 Moreira:1 "
    "Nunes:1 Marques:1 Machado:1 Mendes:1 Freitas:1 Cardoso:0.9 Ramos:0.9 Gonçalves:0.9 "
    "Santana:0.8 Teixeira:0.8 Araújo:1 Cavalcanti:0.6 Monteiro:0.6 Moura:0.6 Batista:0.6",
)
BRAZILIAN_FEMALE = Pool(
    "Maria Ana Francisca Antônia|Antonia Adriana Juliana Márcia Fernanda Patrícia Aline Sandra "
    "Camila Amanda Bruna Jéssica|Jessica Letícia Júlia Luana Gabriela Vanessa Thaís Larissa "
    "Ana_Paula Maria_Eduarda Ana_Carolina Rafaela",
    skew=0.5,
)
BRAZILIAN_MALE = Pool(
    "José João Antônio Francisco Carlos Paulo Pedro Lucas Luiz|Luis Marcos Luís Gabriel Rafael "
    "Daniel Marcelo Bruno Eduardo Felipe Rodrigo Thiago|Tiago João_Pedro José_Carlos",
    skew=0.5,
)
# Names a victim of sexual exploitation works under; one source may record only that.
WORKING_NAMES = Pool(
    "Candy Angel Bella Jessica Vanessa Natasha Diamond Cherry Honey Sabrina Lola Mimi Barbie "
    "Crystal Jasmine Roxy Nikita Tiffany Bianca Destiny Sasha Kitty Paris Lucy Coco",
    skew=0.4,
)


# ---------------------------------------------------------------------------------------------
# Cultures: how a name is built.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Culture:
    name: str
    surnames: Pool | None
    female: Pool
    male: Pool
    kind: str = "western"  # western, patronymic, vietnamese, chinese, hispanic, brazilian, ...
    script: str = "latin"  # latin, cyrillic-uk, cyrillic-bg, han
    family_first: bool = False  # written family name first at home (HU, CN, VN)
    second_given: float = 0.15  # share with a second given name
    second_female: Pool | None = None
    second_male: Pool | None = None
    prefixes: bool = False  # Dutch-style prefixes (van der, de)


CULTURES = {
    c.name: c
    for c in [
        Culture(
            "dutch",
            DUTCH_SURNAMES,
            DUTCH_FEMALE,
            DUTCH_MALE,
            second_given=0.62,
            second_female=DUTCH_SECOND_F,
            second_male=DUTCH_SECOND_M,
            prefixes=True,
        ),
        Culture(
            "surinamese",
            SURINAMESE_SURNAMES,
            SURINAMESE_FEMALE,
            SURINAMESE_MALE,
            second_given=0.35,
            second_female=DUTCH_SECOND_F,
            second_male=DUTCH_SECOND_M,
        ),
        Culture("moroccan", MOROCCAN_SURNAMES, MOROCCAN_FEMALE, MOROCCAN_MALE, second_given=0.1),
        Culture("arab", ARAB_SURNAMES, ARAB_FEMALE, ARAB_MALE, second_given=0.1),
        Culture("turkish", TURKISH_SURNAMES, TURKISH_FEMALE, TURKISH_MALE, second_given=0.2),
        Culture("nigerian", NIGERIAN_SURNAMES, NIGERIAN_FEMALE, NIGERIAN_MALE, second_given=0.35),
        Culture("ghanaian", GHANAIAN_SURNAMES, GHANAIAN_FEMALE, GHANAIAN_MALE, second_given=0.4),
        Culture("mande", MANDE_SURNAMES, MANDE_FEMALE, MANDE_MALE, second_given=0.15),
        Culture(
            "cameroonian",
            CAMEROONIAN_SURNAMES,
            CAMEROONIAN_FEMALE,
            CAMEROONIAN_MALE,
            second_given=0.35,
        ),
        Culture("ugandan", UGANDAN_SURNAMES, UGANDAN_FEMALE, UGANDAN_MALE, second_given=0.1),
        Culture(
            "tigrinya", None, TIGRINYA_FEMALE, TIGRINYA_MALE, kind="patronymic", second_given=0.0
        ),
        Culture("amharic", None, AMHARIC_FEMALE, AMHARIC_MALE, kind="patronymic", second_given=0.0),
        Culture("somali", None, SOMALI_FEMALE, SOMALI_MALE, kind="patronymic", second_given=0.0),
        Culture(
            "afghan", AFGHAN_SURNAMES, AFGHAN_FEMALE, AFGHAN_MALE, kind="afghan", second_given=0.0
        ),
        Culture(
            "pakistani", PAKISTANI_SURNAMES, PAKISTANI_FEMALE, PAKISTANI_MALE, second_given=0.1
        ),
        Culture("indian", None, INDIAN_FEMALE, INDIAN_MALE, kind="indian", second_given=0.05),
        Culture("romanian", ROMANIAN_SURNAMES, ROMANIAN_FEMALE, ROMANIAN_MALE, second_given=0.25),
        Culture(
            "polish", POLISH_STEMS, POLISH_FEMALE, POLISH_MALE, kind="gendered", second_given=0.15
        ),
        Culture(
            "lithuanian",
            LITHUANIAN_STEMS,
            LITHUANIAN_FEMALE,
            LITHUANIAN_MALE,
            kind="lithuanian",
            second_given=0.05,
        ),
        Culture(
            "slovak", SLOVAK_STEMS, SLOVAK_FEMALE, SLOVAK_MALE, kind="slovak", second_given=0.05
        ),
        Culture(
            "hungarian",
            HUNGARIAN_SURNAMES,
            HUNGARIAN_FEMALE,
            HUNGARIAN_MALE,
            kind="hungarian",
            family_first=True,
            second_given=0.2,
        ),
        Culture("albanian", ALBANIAN_SURNAMES, ALBANIAN_FEMALE, ALBANIAN_MALE, second_given=0.0),
        Culture(
            "eastslavic",
            EASTSLAVIC_SURNAMES,
            EASTSLAVIC_FEMALE,
            EASTSLAVIC_MALE,
            kind="gendered",
            script="cyrillic-uk",
            second_given=0.0,
        ),
        Culture(
            "bulgarian",
            BULGARIAN_SURNAMES,
            BULGARIAN_FEMALE,
            BULGARIAN_MALE,
            kind="gendered",
            script="cyrillic-bg",
            second_given=0.0,
        ),
        Culture(
            "chinese",
            CHINESE_SURNAMES,
            CHINESE_SYLLABLES_F,
            CHINESE_SYLLABLES_M,
            kind="chinese",
            script="han",
            family_first=True,
            second_given=0.0,
        ),
        Culture(
            "vietnamese",
            VIETNAMESE_SURNAMES,
            VIETNAMESE_FEMALE,
            VIETNAMESE_MALE,
            kind="vietnamese",
            family_first=True,
            second_given=0.0,
        ),
        Culture("thai", THAI_SURNAMES, THAI_FEMALE, THAI_MALE, kind="thai", second_given=0.0),
        Culture(
            "filipino",
            FILIPINO_SURNAMES,
            FILIPINO_FEMALE,
            FILIPINO_MALE,
            kind="filipino",
            second_given=0.0,
        ),
        Culture(
            "hispanic",
            HISPANIC_SURNAMES,
            HISPANIC_FEMALE,
            HISPANIC_MALE,
            kind="hispanic",
            second_given=0.2,
        ),
        Culture(
            "brazilian",
            BRAZILIAN_SURNAMES,
            BRAZILIAN_FEMALE,
            BRAZILIAN_MALE,
            kind="brazilian",
            second_given=0.25,
        ),
    ]
}


# ---------------------------------------------------------------------------------------------
# Who is registered.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Origin:
    """A nationality: its share of the people, the cultures its names come from, where its
    people are born, and what happened to them."""

    nationality: str
    share: float  # percent of people
    cultures: tuple[tuple[str, float], ...]
    female: float  # share of women and girls
    minors: float  # share under 18 at first registration
    forms: tuple[float, float, float]  # sexual, labour, criminal exploitation
    undocumented: float  # share whose birth date no source knows (no papers, age estimated)
    born_elsewhere: tuple[tuple[str, float], ...] = ()  # (country, share) not born in the country
    asylum: bool = False


def _o(
    nat: str,
    share: float,
    cultures: str,
    female: float,
    minors: float,
    forms: tuple[float, float, float],
    undocumented: float = 0.03,
    born: str = "",
    asylum: bool = False,
) -> Origin:
    parsed = tuple((c.split(":")[0], float(c.split(":")[1])) for c in cultures.split())
    elsewhere = tuple((b.split(":")[0], float(b.split(":")[1])) for b in born.split())
    return Origin(nat, share, parsed, female, minors, forms, undocumented, elsewhere, asylum)


ORIGINS = [
    _o(
        "NL",
        38.0,
        "dutch:0.75 moroccan:0.07 turkish:0.05 surinamese:0.08 nigerian:0.01 "
        "ghanaian:0.01 polish:0.01 arab:0.01 cameroonian:0.01",
        0.80,
        0.32,
        (0.55, 0.12, 0.33),
        0.0,
        "SR:0.01 MA:0.01 TR:0.005",
    ),
    _o(
        "NG",
        6.0,
        "nigerian:1",
        0.90,
        0.10,
        (0.75, 0.15, 0.10),
        0.30,
        "LY:0.01 IT:0.02",
        asylum=True,
    ),
    _o("RO", 4.5, "romanian:1", 0.68, 0.08, (0.45, 0.42, 0.13), 0.03),
    _o("PL", 4.0, "polish:1", 0.35, 0.02, (0.15, 0.77, 0.08), 0.02),
    _o("UA", 3.0, "eastslavic:1", 0.62, 0.06, (0.40, 0.55, 0.05), 0.05, "RU:0.08"),
    _o("BG", 3.0, "bulgarian:0.9 turkish:0.1", 0.65, 0.07, (0.55, 0.35, 0.10), 0.04),
    _o("HU", 2.5, "hungarian:1", 0.72, 0.06, (0.65, 0.27, 0.08), 0.03),
    _o("UG", 2.5, "ugandan:1", 0.72, 0.05, (0.55, 0.40, 0.05), 0.25, asylum=True),
    _o(
        "ER",
        2.5,
        "tigrinya:1",
        0.52,
        0.25,
        (0.35, 0.40, 0.25),
        0.55,
        "ET:0.15 SD:0.08",
        asylum=True,
    ),
    _o("VN", 2.5, "vietnamese:1", 0.42, 0.40, (0.12, 0.45, 0.43), 0.35),
    _o("MA", 2.0, "moroccan:1", 0.45, 0.20, (0.30, 0.30, 0.40), 0.10),
    _o("SL", 1.5, "mande:1", 0.60, 0.08, (0.50, 0.40, 0.10), 0.45, "GN:0.05", asylum=True),
    _o("GN", 1.0, "mande:1", 0.50, 0.12, (0.45, 0.40, 0.15), 0.45, "SL:0.04", asylum=True),
    _o("CN", 1.5, "chinese:1", 0.62, 0.05, (0.50, 0.48, 0.02), 0.15),
    _o("BR", 1.5, "brazilian:1", 0.88, 0.02, (0.85, 0.13, 0.02), 0.02),
    _o("PH", 1.5, "filipino:1", 0.55, 0.02, (0.12, 0.86, 0.02), 0.02),
    _o("IN", 1.5, "indian:1", 0.22, 0.03, (0.05, 0.93, 0.02), 0.05),
    _o("TR", 1.0, "turkish:1", 0.50, 0.10, (0.30, 0.55, 0.15), 0.03, "DE:0.05"),
    _o("SR", 1.0, "surinamese:1", 0.70, 0.10, (0.60, 0.30, 0.10), 0.03),
    _o("CO", 1.0, "hispanic:1", 0.88, 0.03, (0.85, 0.13, 0.02), 0.03, "VE:0.05"),
    _o("TH", 0.8, "thai:1", 0.95, 0.01, (0.85, 0.15, 0.00), 0.03),
    _o(
        "SY",
        1.0,
        "arab:1",
        0.40,
        0.25,
        (0.30, 0.50, 0.20),
        0.20,
        "LB:0.05 TR:0.05 JO:0.03",
        asylum=True,
    ),
    _o("AF", 1.0, "afghan:1", 0.20, 0.40, (0.25, 0.45, 0.30), 0.60, "IR:0.25 PK:0.10", asylum=True),
    _o("ET", 0.8, "amharic:0.7 tigrinya:0.3", 0.65, 0.15, (0.40, 0.50, 0.10), 0.40, asylum=True),
    _o("SO", 0.6, "somali:1", 0.55, 0.30, (0.40, 0.40, 0.20), 0.60, "KE:0.15 ET:0.05", asylum=True),
    _o("GH", 0.8, "ghanaian:1", 0.65, 0.05, (0.55, 0.40, 0.05), 0.15, asylum=True),
    _o("MD", 0.8, "romanian:0.75 eastslavic:0.25", 0.70, 0.05, (0.60, 0.38, 0.02), 0.03),
    _o("LT", 0.6, "lithuanian:1", 0.50, 0.03, (0.35, 0.55, 0.10), 0.02),
    _o("SK", 0.6, "slovak:1", 0.60, 0.06, (0.50, 0.40, 0.10), 0.03, "CZ:0.05"),
    _o("AL", 0.5, "albanian:1", 0.60, 0.15, (0.55, 0.20, 0.25), 0.05),
    _o("PK", 0.5, "pakistani:1", 0.20, 0.05, (0.10, 0.85, 0.05), 0.10),
    _o("DO", 0.5, "hispanic:1", 0.88, 0.03, (0.85, 0.13, 0.02), 0.05),
    _o("VE", 0.4, "hispanic:1", 0.85, 0.05, (0.80, 0.18, 0.02), 0.05, "CO:0.05"),
    _o("IQ", 0.4, "arab:1", 0.40, 0.20, (0.30, 0.50, 0.20), 0.25, asylum=True),
    _o("EG", 0.3, "arab:1", 0.25, 0.25, (0.20, 0.60, 0.20), 0.10),
    _o("DZ", 0.4, "moroccan:0.6 arab:0.4", 0.25, 0.25, (0.20, 0.30, 0.50), 0.30, asylum=True),
    _o("CM", 0.5, "cameroonian:1", 0.70, 0.05, (0.60, 0.35, 0.05), 0.20, asylum=True),
    # nationality unknown to every source: names from anywhere, nationality left empty
    _o(
        "",
        1.5,
        "nigerian:0.2 arab:0.15 mande:0.15 tigrinya:0.1 vietnamese:0.1 eastslavic:0.1 "
        "romanian:0.1 afghan:0.1",
        0.6,
        0.15,
        (0.4, 0.4, 0.2),
        0.6,
        asylum=True,
    ),
]


# ---------------------------------------------------------------------------------------------
# Sources and their habits.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Habits:
    """How one kind of source writes people down (each organisation varies around these)."""

    capitals: float  # writes names in capitals
    strip_accents: float  # drops diacritics (old systems, payroll, foreign keyboards)
    passport: float  # copies the travel document (MRZ-like folding, ICAO transliteration)
    first_given_only: float  # records only the first (or call) given name
    call_name: float  # writes the Dutch call name rather than the official names
    swap_order: float  # for family-name-first cultures: family name put in the given-name field
    hearing: float  # writes a foreign name as heard (respelling)
    variant: float  # uses another usual spelling of an Arabic/Tigrinya/... name
    typo: float  # per record, chance of a typing error in a name
    dob_missing: float
    dob_error: float  # a digit mistyped, day and month swapped, a day off
    estimate_style: tuple[float, float, float, float]  # unknown date as 1 Jan, 1 Jul, 00-00, year
    missing_surname: float
    missing_given: float
    missing_sex: float
    missing_nationality: float
    missing_birth_country: float
    alias: float  # records the false identity when the person has one


SOURCE_KINDS: dict[str, Habits] = {
    # Police (the largest reporter; records from the ID document if there is one, otherwise
    # as told; BVH stores names in capitals in many units).
    "politie": Habits(
        0.55,
        0.35,
        0.45,
        0.25,
        0.05,
        0.12,
        0.08,
        0.15,
        0.04,
        0.03,
        0.025,
        (0.55, 0.05, 0.1, 0.3),
        0.01,
        0.005,
        0.005,
        0.03,
        0.25,
        0.45,
    ),
    "kmar": Habits(
        0.95,
        0.95,
        0.9,
        0.05,
        0.0,
        0.03,
        0.02,
        0.05,
        0.02,
        0.01,
        0.01,
        (0.7, 0.0, 0.2, 0.1),
        0.0,
        0.0,
        0.0,
        0.01,
        0.1,
        0.8,
    ),
    "nla": Habits(
        0.5,
        0.6,
        0.4,
        0.5,
        0.0,
        0.15,
        0.1,
        0.2,
        0.05,
        0.06,
        0.03,
        (0.4, 0.1, 0.0, 0.5),
        0.02,
        0.01,
        0.01,
        0.03,
        0.5,
        0.2,
    ),
    "ind": Habits(
        0.8,
        0.3,
        0.85,
        0.05,
        0.0,
        0.04,
        0.02,
        0.05,
        0.02,
        0.01,
        0.01,
        (0.75, 0.0, 0.25, 0.0),
        0.0,
        0.0,
        0.0,
        0.01,
        0.02,
        0.5,
    ),
    "coa": Habits(
        0.3,
        0.4,
        0.5,
        0.2,
        0.0,
        0.08,
        0.08,
        0.2,
        0.04,
        0.03,
        0.02,
        (0.7, 0.0, 0.2, 0.1),
        0.0,
        0.01,
        0.01,
        0.02,
        0.15,
        0.2,
    ),
    "zorgcoordinatie": Habits(
        0.05,
        0.25,
        0.2,
        0.55,
        0.6,
        0.2,
        0.12,
        0.3,
        0.05,
        0.08,
        0.03,
        (0.3, 0.1, 0.0, 0.6),
        0.03,
        0.01,
        0.02,
        0.04,
        0.4,
        0.1,
    ),
    "fairwork": Habits(
        0.05,
        0.3,
        0.15,
        0.6,
        0.5,
        0.25,
        0.15,
        0.35,
        0.05,
        0.12,
        0.03,
        (0.2, 0.1, 0.0, 0.7),
        0.05,
        0.02,
        0.02,
        0.03,
        0.35,
        0.15,
    ),
    "jeugdzorg": Habits(
        0.02,
        0.15,
        0.05,
        0.7,
        0.85,
        0.2,
        0.1,
        0.25,
        0.05,
        0.02,
        0.02,
        (0.5, 0.0, 0.0, 0.5),
        0.01,
        0.0,
        0.01,
        0.05,
        0.5,
        0.0,
    ),
    "veilig_thuis": Habits(
        0.05,
        0.2,
        0.05,
        0.6,
        0.75,
        0.2,
        0.1,
        0.25,
        0.05,
        0.06,
        0.03,
        (0.5, 0.0, 0.0, 0.5),
        0.02,
        0.01,
        0.02,
        0.06,
        0.6,
        0.0,
    ),
    "opvang": Habits(
        0.05,
        0.3,
        0.2,
        0.6,
        0.6,
        0.2,
        0.12,
        0.3,
        0.06,
        0.07,
        0.03,
        (0.3, 0.2, 0.0, 0.5),
        0.03,
        0.01,
        0.01,
        0.03,
        0.4,
        0.1,
    ),
    "advocaat": Habits(
        0.1,
        0.2,
        0.6,
        0.3,
        0.3,
        0.1,
        0.05,
        0.15,
        0.03,
        0.05,
        0.02,
        (0.5, 0.0, 0.0, 0.5),
        0.01,
        0.01,
        0.03,
        0.02,
        0.3,
        0.1,
    ),
}

REGIONS = words(
    "noord-nederland oost-nederland midden-nederland noord-holland amsterdam den-haag rotterdam "
    "zeeland-west-brabant oost-brabant limburg"
)
CARE_CITIES = words(
    "amsterdam rotterdam den-haag utrecht eindhoven groningen arnhem nijmegen zwolle tilburg "
    "leeuwarden enschede breda maastricht haarlem leiden"
)


def source_names(kind: str) -> list[str]:
    if kind == "politie":
        return [f"politie-{r}" for r in REGIONS]
    if kind in ("zorgcoordinatie", "veilig_thuis", "opvang", "jeugdzorg"):
        return [f"{kind.replace('_', '-')}-{c}" for c in CARE_CITIES]
    if kind == "coa":
        return ["coa-ter-apel", "coa-budel", "coa-zevenaar", "coa-amsterdam"]
    if kind == "advocaat":
        return ["advocatuur", "rechtshulp-noord"]
    return [kind]


# ---------------------------------------------------------------------------------------------
# People.
# ---------------------------------------------------------------------------------------------


@dataclass
class Person:
    pid: str
    culture: Culture
    sex: str
    nationality: str
    birth_country: str
    dob: date
    documented: bool
    given: list[str]  # given names (each may hold "|" spellings or a "/" Russian form)
    surname: str  # the family name (or the father's name) as a token, "" when none
    prefix: str = ""  # "van der", "de", "dela"...
    second_surname: str = ""  # Hispanic mother's family name, Brazilian father's
    grandfather: str = ""  # patronymic cultures
    middle: str = ""  # Vietnamese middle name, Filipino mother's maiden name
    call_name: str = ""
    married_surname: str = ""  # name used after marriage (partner's name)
    married_style: str = ""  # "partner", "double", "hungarian"
    spelling: dict[str, int] = field(default_factory=dict)  # own spelling of each token
    russian_forms: bool = False  # goes by the Russian form of the given name
    year: int = 0  # year of the first registration
    claimed_dob: date | None = None
    alias: tuple[str, str, date | None] | None = None  # given, surname, dob
    working_name: str = ""
    trans_name: str = ""  # chosen given name (documents still show the birth name)


def _pick(options: tuple[tuple[str, float], ...], rng: random.Random) -> str:
    point = rng.random() * sum(w for _, w in options)
    for value, weight in options:
        point -= weight
        if point < 0:
            return value
    return options[-1][0]


MINOR_AGES = (("12", 0.04), ("13", 0.07), ("14", 0.12), ("15", 0.2), ("16", 0.27), ("17", 0.3))


def _age(origin: Origin, minor: bool, form: int, rng: random.Random) -> int:
    """Age at first registration: minors 12-17 (most 15-17); adults skewed young for sexual
    exploitation (18-25), older for labour exploitation (20-55)."""
    if minor:
        return int(_pick(MINOR_AGES, rng))
    if form == 1:  # labour
        return min(64, 18 + int(rng.gammavariate(2.2, 7.0)))
    return min(60, 18 + int(rng.gammavariate(1.4, 4.5)))


def _surname_token(culture: Culture, sex: str, rng: random.Random) -> str:
    assert culture.surnames is not None
    return culture.surnames.draw(rng)


def gendered(stem: str, culture: Culture, sex: str, married: bool = False) -> str:
    """A family name in the form for the person's sex ("Kowalsk-" → Kowalski / Kowalska)."""
    if culture.kind == "lithuanian" and "-" in stem:
        base, ending = stem.split("-")
        if sex == "male":
            return base + ending
        return base + ("ienė" if married else {"as": "aitė", "is": "ytė"}.get(ending, "ūtė"))
    if culture.kind == "slovak":
        if sex == "male" or stem.endswith("ová"):
            return stem
        if stem.endswith(("ý", "ský", "cký")):
            return stem[:-1] + "á"
        return (stem[:-1] if stem.endswith(("a", "o")) else stem) + "ová"
    if not stem.endswith("-"):
        return stem
    base = stem[:-1]
    if culture.script.startswith("cyrillic"):
        if base.endswith("ськ"):
            return base + ("ий" if sex == "male" else "а")
        return base + ("" if sex == "male" else "а")
    return base + ("i" if sex == "male" else "a")


def _own_spelling(token: str, rng: random.Random) -> int:
    count = token.count("|") + 1
    if count == 1:
        return 0
    return 0 if rng.random() < 0.6 else rng.randrange(1, count)


def make_person(pid: str, origin: Origin, rng: random.Random, year: int) -> Person:
    culture = CULTURES[_pick(origin.cultures, rng)]
    sex = "female" if rng.random() < origin.female else "male"
    minor = rng.random() < origin.minors
    form = int(_pick((("0", origin.forms[0]), ("1", origin.forms[1]), ("2", origin.forms[2])), rng))
    age = _age(origin, minor, form, rng)
    dob = date(year - age, 1, 1) + timedelta(days=rng.randrange(365))
    if origin.nationality == "NL":
        birth_country = "NL" if rng.random() > 0.03 else _pick(origin.born_elsewhere, rng)
    elif origin.nationality == "":
        birth_country = ""
    else:
        other = sum(w for _, w in origin.born_elsewhere)
        birth_country = (
            _pick(origin.born_elsewhere, rng) if rng.random() < other else origin.nationality
        )
    person = Person(
        pid=pid,
        culture=culture,
        sex=sex,
        nationality=origin.nationality,
        birth_country=birth_country,
        dob=dob,
        documented=rng.random() >= origin.undocumented,
        given=[],
        surname="",
        year=year,
    )
    name_person(person, rng)
    return person


def name_person(person: Person, rng: random.Random, surname: str | None = None) -> None:
    """Give the person names from the culture; a sibling passes the family's surname token."""
    culture, sex = person.culture, person.sex
    pool = culture.female if sex == "female" else culture.male
    if culture.kind == "chinese":
        # one or (mostly) two syllables, each "character+pinyin"
        syllables = pool.draw(rng)
        if rng.random() < 0.75:
            syllables += " " + pool.draw(rng)
        person.given = [syllables]
    else:
        person.given = [pool.draw(rng)]
    if rng.random() < culture.second_given:
        second = (culture.second_female if sex == "female" else culture.second_male) or pool
        name = second.draw(rng)
        if name != person.given[0]:
            person.given.append(name)
    if culture.name == "dutch" and len(person.given) > 1 and rng.random() < 0.12:
        person.given.append((DUTCH_SECOND_F if sex == "female" else DUTCH_SECOND_M).draw(rng))
    kind = culture.kind
    if kind == "patronymic":
        male = CULTURES[culture.name].male
        person.surname = surname if surname is not None else male.draw(rng)
        person.grandfather = male.draw(rng)
    elif kind == "indian":
        if rng.random() < 0.1:
            person.given = [INDIAN_MONONYMS.draw(rng)]
            person.surname = ""
        else:
            person.surname = (
                surname
                if surname is not None
                else (INDIAN_SURNAMES_F if sex == "female" else INDIAN_SURNAMES_M).draw(rng)
            )
            if person.surname in ("Singh", "Kaur") and surname is not None:
                person.surname = "Kaur" if sex == "female" else "Singh"
    elif kind == "afghan":
        # Many Afghans have no family name; the documents then give the father's name.
        person.surname = (
            surname
            if surname is not None
            else (AFGHAN_SURNAMES.draw(rng) if rng.random() < 0.6 else AFGHAN_MALE.draw(rng))
        )
    else:
        token = surname if surname is not None else _surname_token(culture, sex, rng)
        person.surname = token
    if kind == "vietnamese":
        middle = VIETNAMESE_MIDDLE_F if sex == "female" else VIETNAMESE_MIDDLE_M
        person.middle = middle.draw(rng)
    if kind == "hispanic":
        person.second_surname = HISPANIC_SURNAMES.draw(rng)
    if kind == "brazilian" and rng.random() < 0.7:
        person.second_surname = BRAZILIAN_SURNAMES.draw(rng)  # mother's name first, father's last
    if kind == "filipino":
        person.middle = FILIPINO_SURNAMES.draw(rng)
    if culture.prefixes or kind == "filipino" or kind == "hispanic":
        for prefix in (
            "van den ",
            "van der ",
            "van de ",
            "van ",
            "de la ",
            "delos ",
            "dela ",
            "de ",
            "ter ",
        ):
            if person.surname.lower().startswith(prefix):
                person.prefix = prefix.strip()
                person.surname = person.surname[len(prefix) :]
                break
    if kind == "brazilian" and rng.random() < 0.2:
        person.prefix = rng.choice(["da", "de", "dos"])
    if culture.script == "cyrillic-uk":
        person.russian_forms = rng.random() < 0.3
    if culture.name == "dutch":
        first = person.given[0]
        if first in CALL_NAMES and rng.random() < 0.5:
            person.call_name = CALL_NAMES[first]
        elif len(person.given) > 1 and rng.random() < 0.05:
            person.call_name = person.given[1]
    person.spelling = {
        token: _own_spelling(token, rng)
        for token in [*person.given, person.surname, person.grandfather, person.second_surname]
    }


# ---------------------------------------------------------------------------------------------
# Writing: transliteration, folding, errors.
# ---------------------------------------------------------------------------------------------

_CYR_BASE = dict(zip("абвдезклмнопрстуф", "abvdezklmnoprstuf", strict=True))
TRANSLIT: dict[str, dict[str, str]] = {
    # Ukrainian national system (passports since 2010) and ICAO for Russian letters.
    "passport": {
        **_CYR_BASE,
        "г": "h",
        "ґ": "g",
        "є": "ie",
        "ж": "zh",
        "и": "y",
        "і": "i",
        "ї": "i",
        "й": "i",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ь": "",
        "ю": "iu",
        "я": "ia",
        "'": "",
        "ё": "e",
        "ы": "y",
        "э": "e",
        "ъ": "ie",
    },
    "english": {
        **_CYR_BASE,
        "г": "g",
        "ґ": "g",
        "є": "ye",
        "ж": "zh",
        "и": "y",
        "і": "i",
        "ї": "yi",
        "й": "y",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ь": "",
        "ю": "yu",
        "я": "ya",
        "'": "",
        "ё": "yo",
        "ы": "y",
        "э": "e",
        "ъ": "",
    },
    "dutch": {
        **_CYR_BASE,
        "г": "h",
        "ґ": "g",
        "є": "je",
        "ж": "zj",
        "и": "y",
        "і": "i",
        "ї": "ji",
        "й": "j",
        "х": "ch",
        "ц": "ts",
        "ч": "tsj",
        "ш": "sj",
        "щ": "sjtsj",
        "ь": "",
        "ю": "joe",
        "я": "ja",
        "у": "oe",
        "'": "",
        "ё": "jo",
        "ы": "y",
        "э": "e",
        "ъ": "",
    },
    "german": {
        **_CYR_BASE,
        "г": "h",
        "ґ": "g",
        "є": "je",
        "ж": "sch",
        "и": "y",
        "і": "i",
        "ї": "ji",
        "й": "j",
        "х": "ch",
        "ц": "z",
        "ч": "tsch",
        "ш": "sch",
        "щ": "schtsch",
        "ь": "",
        "ю": "ju",
        "я": "ja",
        "в": "w",
        "з": "s",
        "'": "",
        "ё": "jo",
        "ы": "y",
        "э": "e",
        "ъ": "",
    },
    "polish": {
        **_CYR_BASE,
        "г": "h",
        "ґ": "g",
        "є": "je",
        "ж": "ż",
        "и": "y",
        "і": "i",
        "ї": "ji",
        "й": "j",
        "х": "ch",
        "ц": "c",
        "ч": "cz",
        "ш": "sz",
        "щ": "szcz",
        "ь": "",
        "ю": "ju",
        "я": "ja",
        "в": "w",
        "'": "",
        "ё": "jo",
        "ы": "y",
        "э": "e",
        "ъ": "",
    },
    # Bulgarian official (Streamlined System, 2009): щ sht, ъ a, ю yu, я ya.
    "bulgarian": {
        **_CYR_BASE,
        "г": "g",
        "ж": "zh",
        "и": "i",
        "й": "y",
        "х": "h",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "sht",
        "ъ": "a",
        "ь": "y",
        "ю": "yu",
        "я": "ya",
    },
}
TRANSLIT["german-bg"] = {**TRANSLIT["german"], "г": "g", "и": "i", "ъ": "a", "щ": "scht", "й": "j"}
TRANSLIT["english-bg"] = {**TRANSLIT["english"], "и": "i", "ъ": "u", "щ": "sht", "х": "h"}

KEYBOARD = {
    row[i]: row[max(0, i - 1)] + row[min(len(row) - 1, i + 1)]
    for row in ("qwertyuiop", "asdfghjkl", "zxcvbnm")
    for i in range(len(row))
}
# Respellings of a foreign name by ear (a Dutch-speaking writer).
HEARING = [
    ("c", "k"),
    ("k", "c"),
    ("ph", "f"),
    ("y", "i"),
    ("i", "y"),
    ("ou", "u"),
    ("u", "oe"),
    ("ee", "i"),
    ("sh", "ch"),
    ("j", "y"),
    ("y", "j"),
    ("w", "v"),
    ("ie", "i"),
    ("ai", "ay"),
    ("e", "a"),
    ("tt", "t"),
    ("ss", "s"),
    ("h", ""),
    ("gh", "g"),
    ("dj", "j"),
    ("kh", "ch"),
    ("o", "u"),
    ("q", "k"),
    ("x", "ks"),
    ("ch", "sj"),
]
MRZ_FOLD = {"ä": "ae", "ö": "oe", "ü": "ue", "å": "aa", "ø": "oe", "æ": "ae", "ß": "ss"}
SPECIAL_FOLD = {
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "ı": "i",
    "ø": "o",
    "Ø": "O",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
}


def strip_accents(text: str) -> str:
    text = "".join(SPECIAL_FOLD.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def transliterate(text: str, scheme: str) -> str:
    table = TRANSLIT[scheme]
    out = []
    for index, ch in enumerate(text):
        low = ch.lower()
        start = index == 0 or not text[index - 1].isalpha()
        if scheme == "passport" and start and low in "єїйюя":
            latin = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}[low]
        else:
            latin = table.get(low, low)
        out.append(latin.capitalize() if ch != low and latin else latin)
    return "".join(out)


def typo(word: str, rng: random.Random, events: Counter[str] | None) -> str:
    if len(word) < 3:
        return word
    position = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    letter = word[position]
    if kind < 0.35 and letter.lower() in KEYBOARD:
        replacement = rng.choice(KEYBOARD[letter.lower()])
        new = word[:position] + (replacement.upper() if letter.isupper() else replacement)
        new += word[position + 1 :]
        label = "typo: keyboard neighbour"
    elif kind < 0.55:
        new = word[:position] + word[position + 1] + word[position] + word[position + 2 :]
        label = "typo: letters swapped"
    elif kind < 0.8:
        new = word[:position] + word[position + 1 :]
        label = "typo: letter dropped"
    else:
        new = word[:position] + letter + word[position:]
        label = "typo: letter doubled"
    if events is not None:
        events[label] += 1
    return new


def respell(word: str, rng: random.Random) -> str:
    options = [(a, b) for a, b in HEARING if a in word.lower()]
    if not options:
        return word
    a, b = rng.choice(options)
    lower = word.lower()
    at = lower.find(a, 1 if len(lower) > 2 else 0)
    if at < 0:
        at = lower.find(a)
    new = lower[:at] + b + lower[at + len(a) :]
    return new[:1].upper() + new[1:] if new else word


# ---------------------------------------------------------------------------------------------
# One record.
# ---------------------------------------------------------------------------------------------


@dataclass
class Writer:
    """One organisation: a source kind with its own leaning on each habit."""

    name: str
    kind: str
    habits: Habits
    lean: float  # multiplies the error rates: some organisations are more careful
    capitals: bool
    prefix_style: str  # "de Jong", "De Jong", "Jong, de", "Jong de", "v.d."
    scheme: str  # transliteration of Cyrillic when not copying a passport
    estimate: tuple[float, float, float, float]


def make_writers(rng: random.Random) -> dict[str, list[Writer]]:
    writers: dict[str, list[Writer]] = {}
    for kind, habits in SOURCE_KINDS.items():
        writers[kind] = []
        for name in source_names(kind):
            prefix = _pick(
                (
                    ("de Jong", 0.55),
                    ("De Jong", 0.2),
                    ("Jong, de", 0.15),
                    ("Jong de", 0.07),
                    ("v.d.", 0.03),
                ),
                rng,
            )
            if kind == "kmar":
                prefix = "Jong de" if rng.random() < 0.5 else "De Jong"
            writers[kind].append(
                Writer(
                    name=name,
                    kind=kind,
                    habits=habits,
                    lean=rng.uniform(0.6, 1.5),
                    capitals=rng.random() < habits.capitals,
                    prefix_style=prefix,
                    scheme=_pick(
                        (
                            ("english", 0.4),
                            ("dutch", 0.3),
                            ("german", 0.1),
                            ("polish", 0.05),
                            ("passport", 0.15),
                        ),
                        rng,
                    ),
                    estimate=habits.estimate_style,
                )
            )
    return writers


def choose_spelling(
    token: str, person: Person, writer: Writer, rng: random.Random, events: Counter[str] | None
) -> str:
    spellings = token.split("|")
    index = person.spelling.get(token, 0)
    if len(spellings) > 1:
        rate = writer.habits.variant * (0.4 if writer.habits.passport > 0.6 else 1.0)
        if rng.random() < rate:
            other = rng.randrange(len(spellings))
            if other != index and events is not None:
                events["other spelling of a name"] += 1
            index = other
    return spellings[index]


def count_event(events: Counter[str] | None, label: str) -> None:
    if events is not None:
        events[label] += 1


def render_token(
    token: str,
    person: Person,
    writer: Writer,
    from_passport: bool,
    rng: random.Random,
    events: Counter[str] | None,
) -> str:
    """One name as this writer writes it, before case and accents."""
    if not token:
        return ""
    script = person.culture.script
    if script.startswith("cyrillic"):
        forms = token.split("/")
        word = (
            forms[1]
            if len(forms) > 1 and person.russian_forms and not from_passport and rng.random() < 0.7
            else forms[0]
        )
        if script == "cyrillic-bg":
            scheme = (
                "bulgarian"
                if from_passport
                else {"german": "german-bg", "english": "english-bg"}.get(
                    writer.scheme, "bulgarian"
                )
            )
        else:
            scheme = "passport" if from_passport else writer.scheme
        if not from_passport and writer.kind in ("fairwork", "opvang") and rng.random() < 0.12:
            if events is not None:
                events["name in Cyrillic"] += 1
            return word
        if scheme not in ("passport", "bulgarian") and events is not None:
            events["Cyrillic transliterated other than the passport"] += 1
        return transliterate(word, scheme)
    if script == "han":
        parts = token.split(" ")
        if not from_passport and writer.kind in ("fairwork", "opvang") and rng.random() < 0.1:
            if events is not None:
                events["name in Chinese characters"] += 1
            return "".join(p[0] for p in parts)
        syllables = [p[1:] for p in parts]
        joined = "".join(syllables).capitalize()
        if len(syllables) > 1 and not from_passport:
            style = rng.random()
            if style < 0.2:
                joined = " ".join(s.capitalize() for s in syllables)
                count_event(events, "Chinese given name split in two")
            elif style < 0.3:
                joined = "-".join(s.capitalize() for s in syllables)
                count_event(events, "Chinese given name hyphenated")
        return joined
    word = choose_spelling(token, person, writer, rng, events)
    if (
        writer.habits.hearing
        and not from_passport
        and person.culture.name != "dutch"
        and rng.random() < writer.habits.hearing * writer.lean * 0.35
    ):
        new = respell(word, rng)
        if new != word and events is not None:
            events["respelt by ear"] += 1
        word = new
    return word


TODAY = date(2025, 12, 31)  # no written birth date lies after the last registration year


def write_dob(
    person: Person, writer: Writer, rng: random.Random, events: Counter[str] | None
) -> str:
    habits = writer.habits

    def count(label: str) -> None:
        if events is not None:
            events[label] += 1

    if rng.random() < habits.dob_missing * writer.lean:
        count("date of birth missing")
        return ""
    dob = person.dob
    if not person.documented:
        if person.claimed_dob is not None and rng.random() < 0.6:
            count("undocumented: the date the person gives")
            return person.claimed_dob.isoformat()
        year = dob.year + round(rng.gauss(0, 1.0))
        count("undocumented: estimated year" + (" (off)" if year != dob.year else ""))
        style = _pick(
            (
                ("jan", writer.estimate[0]),
                ("jul", writer.estimate[1]),
                ("brp", writer.estimate[2]),
                ("year", writer.estimate[3]),
            ),
            rng,
        )
        return {
            "jan": f"{year}-01-01",
            "jul": f"{year}-07-01",
            "brp": f"{year}-00-00",
            "year": str(year),
        }[style]
    if rng.random() < habits.dob_error * writer.lean:
        kind = rng.random()
        if kind < 0.3 and dob.day <= 12 and dob.day != dob.month:
            count("date: day and month swapped")
            return date(dob.year, dob.day, dob.month).isoformat()
        if kind < 0.55:
            count("date: one day off")
            return (dob + timedelta(days=rng.choice((-1, 1)))).isoformat()
        if kind < 0.75:
            count("date: year off by one")
            try:
                return dob.replace(year=dob.year + rng.choice((-1, 1))).isoformat()
            except ValueError:
                return (dob + timedelta(days=365)).isoformat()
        count("date: a digit mistyped")
        text = list(dob.isoformat())
        for _ in range(10):
            at = rng.choice((3, 5, 6, 8, 9))
            old = text[at]
            text[at] = str(rng.randrange(10))
            try:
                if text[at] != old and date.fromisoformat("".join(text)) < TODAY:
                    return "".join(text)
            except ValueError:
                pass
            text[at] = old
        return dob.isoformat()
    if rng.random() < 0.03 * writer.lean and writer.kind not in ("kmar", "ind"):
        count("date: only the year written")
        return str(dob.year)
    return dob.isoformat()


def format_surname(core: str, prefix: str, writer: Writer) -> str:
    if not prefix:
        return core
    style = writer.prefix_style
    if prefix in ("dela", "delos", "de la", "da", "dos") and style != "De Jong":
        style = "de Jong"
    if style == "De Jong":
        return prefix[:1].upper() + prefix[1:] + " " + core
    if style == "Jong, de":
        return f"{core}, {prefix}"
    if style == "Jong de":
        return f"{core} {prefix}"
    if style == "v.d." and prefix.startswith("van d"):
        return f"v.d. {core}"
    return f"{prefix} {core}"


def write_record(
    person: Person, writer: Writer, rng: random.Random, use_alias: bool, events: Counter[str] | None
) -> dict[str, str]:
    habits, lean = writer.habits, writer.lean
    culture = person.culture
    from_passport = person.documented and rng.random() < habits.passport

    def count(label: str) -> None:
        if events is not None:
            events[label] += 1

    def tok(token: str) -> str:
        return render_token(token, person, writer, from_passport, rng, events)

    given_tokens = list(person.given)
    if person.trans_name and writer.kind not in ("kmar", "ind", "nla") and rng.random() < 0.7:
        given_tokens = [person.trans_name]
        count("chosen name instead of the name on the documents")
    given_words = [tok(t) for t in given_tokens]
    if person.call_name and not from_passport and rng.random() < habits.call_name:
        given_words = [person.call_name]
        count("Dutch call name (roepnaam)")
    elif len(given_words) > 1 and rng.random() < habits.first_given_only:
        given_words = given_words[:1]
        count("only the first given name")
    surname = tok(gendered(person.surname, culture, person.sex)) if person.surname else ""
    if person.married_surname and rng.random() < (0.25 if from_passport else 0.65):
        count("married name")
        married = tok(gendered(person.married_surname, culture, person.sex, married=True))
        if person.married_style == "double":
            surname = f"{married}-{format_surname(surname, person.prefix, writer)}"
        elif person.married_style == "hungarian":
            surname = f"{married}né {surname}" if rng.random() < 0.5 else married + "né"
        else:
            surname = married
        prefix = ""
    else:
        prefix = person.prefix
    # culture-specific ways of splitting a name over two fields
    kind = culture.kind
    if kind == "vietnamese":
        middle = tok(person.middle)
        roll = rng.random()
        if roll < 0.55 or from_passport:
            given_words = [middle, *given_words]
        elif roll < 0.7:
            surname = f"{surname} {middle}"
            count("Vietnamese middle name with the family name")
        elif roll < 0.8:
            count("Vietnamese middle name left out")
        else:
            surname, given_words = f"{surname} {middle} {' '.join(given_words)}", []
            count("whole Vietnamese name in the surname field")
    elif kind == "patronymic":
        roll = rng.random()
        if roll < (0.3 if writer.kind in ("ind", "coa", "kmar") else 0.1):
            given_words = [*given_words, surname]
            surname = tok(person.grandfather)
            count("grandfather's name as the surname")
        elif roll < 0.4:
            surname = f"{surname} {tok(person.grandfather)}"
            count("father's and grandfather's names as the surname")
    elif kind == "hispanic" and person.second_surname:
        roll = rng.random()
        second = tok(person.second_surname)
        if roll < 0.55:
            surname = f"{surname} {second}"
        elif roll < 0.6:
            surname = f"{surname}-{second}"
        else:
            count("only the first of two family names")
    elif kind == "brazilian" and person.second_surname:
        if rng.random() < 0.6:
            surname = f"{tok(person.second_surname)} {surname}"
        else:
            count("only the last of two family names")
    elif kind == "filipino" and person.middle:
        roll = rng.random()
        middle = tok(person.middle)
        if roll < 0.2:
            given_words = [*given_words, middle[0] + "."]
            count("Filipino middle name as an initial")
        elif roll < 0.35:
            given_words = [*given_words, middle]
            count("Filipino middle name among the given names")
        elif roll < 0.5:
            surname = f"{middle} {surname}"
            count("Filipino middle name with the family name")
    elif kind == "indian" and not surname and given_words:
        if rng.random() < (0.8 if from_passport else 0.3):
            surname, given_words = given_words[0], []
            count("single name written as the surname")
    elif kind == "afghan" and not from_passport and rng.random() < 0.15:
        surname = tok(AFGHAN_MALE.draw(rng))
        count("Afghan: another family member's name as the surname")
    if use_alias and person.alias is not None:
        alias_given, alias_surname, _ = person.alias
        given_words = [tok(alias_given)]
        surname = tok(alias_surname) if alias_surname else ""
        prefix = ""
        count("false identity (alias)")
    elif person.working_name and not from_passport and rng.random() < 0.15 * lean:
        given_words = [person.working_name]
        if rng.random() < 0.6:
            surname = ""
        count("working name")
    surname = format_surname(surname, prefix, writer)
    given = " ".join(w for w in given_words if w)
    # family name first: the two fields swapped by a writer who does not know the order
    if (
        person.culture.family_first
        and not from_passport
        and given
        and surname
        and rng.random() < habits.swap_order * lean
    ):
        given, surname = surname, given
        count("family-name-first order: fields swapped")
    elif given and surname and rng.random() < 0.01 * lean:
        given, surname = surname, given
        count("given name and surname swapped (any origin)")
    if person.culture.name == "hungarian" and not from_passport and rng.random() < 0.1:
        given = given.split(" ")[0]
    # typing errors
    if rng.random() < habits.typo * lean:
        if given and (not surname or rng.random() < 0.5):
            given = typo(given, rng, events)
        elif surname:
            surname = typo(surname, rng, events)
    # the writing system
    if from_passport:
        lowered = (
            "".join(MRZ_FOLD.get(ch, ch) for ch in (given + "\t" + surname).lower())
            if writer.kind == "kmar" and rng.random() < 0.3
            else given + "\t" + surname
        )
        given, surname = strip_accents(lowered).upper().split("\t")
        count("written as on the travel document (capitals, no accents)")
    else:
        if rng.random() < habits.strip_accents * lean:
            stripped = strip_accents(given), strip_accents(surname)
            if stripped != (given, surname):
                count("accents dropped")
            given, surname = stripped
        if writer.capitals:
            given, surname = given.upper(), surname.upper()
            count("written in capitals")
    # missing fields
    if rng.random() < habits.missing_surname * lean and given:
        surname = ""
        count("surname missing")
    elif rng.random() < habits.missing_given * lean and surname:
        given = ""
        count("given name missing")
    if not given and not surname:
        given = tok(person.given[0])
    sex = person.sex
    if person.trans_name and writer.kind not in ("kmar", "ind", "nla") and rng.random() < 0.5:
        sex = "female" if sex == "male" else "male"
        count("sex recorded as lived")
    if rng.random() < 0.004 * lean:
        sex = "female" if sex == "male" else "male"
        count("sex: wrong code")
    if rng.random() < habits.missing_sex * lean:
        sex = ""
        count("sex missing")
    nationality = person.nationality
    if nationality and rng.random() < habits.missing_nationality * lean:
        nationality = ""
        count("nationality missing")
    elif (
        nationality == "NL"
        and person.culture.name in ("moroccan", "turkish")
        and rng.random() < 0.2
    ):
        nationality = "MA" if person.culture.name == "moroccan" else "TR"
        count("second nationality written")
    elif nationality == "ER" and person.birth_country == "ET" and rng.random() < 0.3:
        nationality = "ET"
        count("nationality: country of birth written")
    country = person.birth_country
    if country and rng.random() < habits.missing_birth_country * lean:
        country = ""
        count("country of birth missing")
    dob = write_dob(person, writer, rng, events)
    if use_alias and person.alias is not None and person.alias[2] is not None:
        dob = person.alias[2].isoformat()
    return {
        "given_name": given,
        "surname": surname,
        "date_of_birth": dob,
        "sex": sex,
        "nationality": nationality,
        "country_of_birth": country,
    }


# ---------------------------------------------------------------------------------------------
# The set.
# ---------------------------------------------------------------------------------------------

# Records per person: most people are reported once, some by several organisations or again in
# a later year, a few many times (shares of people; mean 1.76 records, 57 % persons/records).
RECORDS_PER_PERSON = (
    ("1", 0.625),
    ("2", 0.19),
    ("3", 0.085),
    ("4", 0.045),
    ("5", 0.025),
    ("6", 0.012),
    ("7", 0.008),
    ("8", 0.005),
    ("10", 0.003),
    ("14", 0.002),
)
HOUSEHOLD = 0.05  # share of people generated with a sibling, twin or partner in the set
# share of people (three times as many among NG, VN, CN, AL and unknown nationality) that one
# source knows under a false identity (papers from the trafficker)
ALIAS = 0.04
# chance that a later record about a person comes from an organisation that reported them before
SAME_SOURCE_AGAIN = 0.1


def source_weights(person: Person, origin: Origin) -> tuple[tuple[str, float], ...]:
    """Which kinds of organisation report this person (DOMAIN.md §1: police 31 %,
    zorgcoördinatie 28 %, FairWork 24 %, NLA 7 %, KMar 6 %, others 4 %, shifted by who the
    person is)."""
    age = 2025 - person.dob.year
    weights = {
        "politie": 31.0,
        "zorgcoordinatie": 28.0,
        "fairwork": 20.0,
        "nla": 7.0,
        "kmar": 6.0,
        "coa": 2.0,
        "ind": 1.5,
        "jeugdzorg": 1.5,
        "veilig_thuis": 1.0,
        "opvang": 2.0,
        "advocaat": 1.0,
    }
    if person.nationality == "NL":
        weights.update(
            fairwork=3.0, kmar=1.0, nla=2.0, coa=0.0, ind=0.0, jeugdzorg=8.0, veilig_thuis=6.0
        )
    if age < 24:
        weights["jeugdzorg"] *= 2
        weights["veilig_thuis"] *= 2
    else:
        weights["jeugdzorg"] = 0.2
        weights["veilig_thuis"] *= 0.3
    if origin.asylum:
        weights.update(coa=12.0, ind=8.0, kmar=8.0)
    if origin.forms[1] > 0.5:
        weights["nla"] = 18.0
        weights["fairwork"] = 28.0
    return tuple(weights.items())


def _household_member(person: Person, pid: str, relation: str, rng: random.Random) -> Person:
    other = Person(
        pid=pid,
        culture=person.culture,
        sex=person.sex
        if relation == "twin" and rng.random() < 0.6
        else (
            "male"
            if person.sex == "female" and relation == "partner"
            else ("female" if rng.random() < 0.6 else "male")
        ),
        nationality=person.nationality,
        birth_country=person.birth_country,
        dob=person.dob,
        documented=person.documented,
        given=[],
        surname="",
        year=person.year,
    )
    if relation == "sibling":
        other.dob = person.dob + timedelta(days=rng.choice((-1, 1)) * rng.randrange(300, 2500))
    elif relation == "partner":
        other.dob = person.dob + timedelta(days=rng.randrange(-2500, 4000))
    if relation == "partner":
        name_person(other, rng)
    else:
        family = person.surname
        if person.culture.kind == "indian" and family in ("Singh", "Kaur"):
            family = "Kaur" if other.sex == "female" else "Singh"
        if person.culture.kind == "ugandan" or person.culture.name == "ugandan":
            name_person(other, rng)  # Ugandan siblings have their own names
        else:
            name_person(other, rng, surname=family or None)
        other.prefix = person.prefix
        other.second_surname = person.second_surname
        if person.culture.kind == "patronymic":
            other.grandfather = person.grandfather
        other.spelling.update(
            {
                t: person.spelling.get(t, 0)
                for t in (person.surname, person.grandfather, person.second_surname)
            }
        )
        if other.given[0] == person.given[0]:
            name_person(other, rng, surname=family or None)
    return other


def people(seed: int) -> Iterator[tuple[Person, Origin]]:
    """An endless stream of registered people (households come out together)."""
    rng = random.Random(seed)
    origins = tuple((str(i), o.share) for i, o in enumerate(ORIGINS))
    number = 0
    while True:
        origin = ORIGINS[int(_pick(origins, rng))]
        number += 1
        person = make_person(f"P{number:07d}", origin, rng, rng.randrange(2018, 2026))
        adorn(person, rng)
        group = [person]
        if rng.random() < HOUSEHOLD:
            relation = _pick((("sibling", 0.6), ("twin", 0.15), ("partner", 0.25)), rng)
            adult = person.dob.year <= 2000
            if relation == "partner" and not adult:
                relation = "sibling"
            for _ in range(2 if relation == "sibling" and rng.random() < 0.25 else 1):
                number += 1
                other = _household_member(person, f"P{number:07d}", relation, rng)
                if relation == "partner" and person.sex == "female" and not person.married_surname:
                    marry(person, other, rng)
                adorn(other, rng)
                group.append(other)
        for member in group:
            yield member, origin


def marry(wife: Person, husband: Person, rng: random.Random) -> None:
    if wife.culture.name in ("dutch",):
        wife.married_style = "double" if rng.random() < 0.6 else "partner"
    elif wife.culture.name == "hungarian":
        wife.married_style = "hungarian" if rng.random() < 0.5 else "partner"
    elif wife.culture.kind in (
        "patronymic",
        "vietnamese",
        "chinese",
        "hispanic",
        "afghan",
        "indian",
    ) or wife.culture.name in ("moroccan", "arab"):
        return  # the wife keeps her own name
    else:
        wife.married_style = "partner"
    wife.married_surname = husband.surname


def adorn(person: Person, rng: random.Random) -> None:
    """Marriage, a claimed birth date, a false identity, a working name, a chosen name."""
    age = 2022 - person.dob.year
    if (
        person.sex == "female"
        and age >= 24
        and not person.married_surname
        and person.culture.kind
        in ("western", "gendered", "hungarian", "lithuanian", "slovak", "brazilian", "filipino")
        and rng.random() < 0.25
    ):
        husband = Person(
            pid="",
            culture=person.culture,
            sex="male",
            nationality="",
            birth_country="",
            dob=person.dob,
            documented=True,
            given=[],
            surname="",
        )
        name_person(husband, rng)
        marry(person, husband, rng)
    if not person.documented and rng.random() < 0.5:
        person.claimed_dob = date(
            person.dob.year + rng.choice((-1, 0, 0, 0, 1)),
            rng.randrange(1, 13),
            rng.randrange(1, 29),
        )
    if rng.random() < ALIAS * (3 if person.nationality in ("NG", "VN", "CN", "AL", "") else 1):
        pool = person.culture.female if person.sex == "female" else person.culture.male
        surname_pool = person.culture.surnames or person.culture.male
        alias_given = pool.draw(rng)
        alias_surname = surname_pool.draw(rng) if person.surname else ""
        if person.culture.kind == "gendered" or person.culture.kind == "lithuanian":
            alias_surname = gendered(alias_surname, person.culture, person.sex)
        alias_dob = None
        if rng.random() < 0.6:  # false papers that make a minor an adult
            alias_dob = date(
                person.dob.year - rng.randrange(1, 5), rng.randrange(1, 13), rng.randrange(1, 29)
            )
        person.alias = (alias_given, alias_surname, alias_dob)
    if person.sex == "female" and 18 <= age < 40 and rng.random() < 0.08:
        person.working_name = WORKING_NAMES.draw(rng)
    if person.culture.kind == "thai" and rng.random() < 0.4:
        person.working_name = THAI_NICKNAMES.draw(rng)
    if (
        person.culture.kind in ("brazilian", "hispanic")
        and person.sex == "male"
        and rng.random() < 0.25
    ):
        person.trans_name = (
            (HISPANIC_FEMALE if person.culture.kind == "hispanic" else BRAZILIAN_FEMALE)
            .draw(rng)
            .split("|")[0]
        )


def registrations(
    size: int, seed: int, events: Counter[str] | None = None
) -> Iterator[tuple[dict[str, str], str]]:
    """`size` registrations in random order, each with the id of the person it is about.
    `events`, when given, counts what happened to the records (for the self-check)."""
    rng = random.Random(seed ^ 0x5EA1ED)
    writers = make_writers(rng)
    records: list[tuple[dict[str, str], str]] = []
    stream = people(seed)
    while len(records) < size:
        person, origin = next(stream)
        count = int(_pick(RECORDS_PER_PERSON, rng))
        kinds = source_weights(person, origin)
        used: list[Writer] = []
        alias_at = rng.randrange(count) if person.alias is not None and count > 1 else -1
        for index in range(min(count, size - len(records))):
            if used and rng.random() < SAME_SOURCE_AGAIN:
                writer = rng.choice(used)  # the same organisation again, a later year
                count_event(events, "same organisation again")
            else:
                kind = _pick(kinds, rng)
                candidates = [w for w in writers[kind] if w not in used] or writers[kind]
                home = writers[kind][hash_region(person.pid, len(writers[kind]))]
                writer = (
                    home if home in candidates and rng.random() < 0.7 else rng.choice(candidates)
                )
            used.append(writer)
            use_alias = person.alias is not None and (
                index == alias_at or rng.random() < writer.habits.alias * 0.2
            )
            row = write_record(person, writer, rng, use_alias, events)
            row["source"] = writer.name
            records.append((row, person.pid))
    rng.shuffle(records)
    for number, (row, pid) in enumerate(records, start=1):
        yield (
            {
                "record_id": f"R{number:07d}",
                "source": row["source"],
                **{
                    k: row[k]
                    for k in (
                        "given_name",
                        "surname",
                        "date_of_birth",
                        "sex",
                        "nationality",
                        "country_of_birth",
                    )
                },
            },
            pid,
        )


def hash_region(pid: str, count: int) -> int:
    return int(pid[1:]) * 2654435761 % 2**32 % count


# ---------------------------------------------------------------------------------------------
# Self-check and command line.
# ---------------------------------------------------------------------------------------------


def identity(person: Person) -> tuple[str, str, int]:
    """A person's true name and birth year in one plain spelling (for the concentration)."""

    def plain(token: str) -> str:
        if person.culture.script.startswith("cyrillic"):
            token = transliterate(token.split("/")[0], "passport")
        elif person.culture.script == "han":
            token = "".join(p[1:] for p in token.split(" "))
        return strip_accents(token.split("|")[0]).lower()

    given = " ".join(plain(t) for t in person.given)
    if person.middle and person.culture.kind == "vietnamese":
        given = plain(person.middle) + " " + given
    surname = plain(gendered(person.surname, person.culture, person.sex)) if person.surname else ""
    return given, (person.prefix + " " + surname).strip(), person.dob.year


def summary(size: int, seed: int) -> str:
    events: Counter[str] = Counter()
    started = time.perf_counter()
    rows = list(registrations(size, seed, events))
    seconds = time.perf_counter() - started
    persons: Counter[str] = Counter(pid for _, pid in rows)
    per_person = Counter(persons.values())
    # rebuild the people to see their true identities
    wanted = set(persons)
    truth: dict[str, tuple[Person, Origin]] = {}
    for person, origin in people(seed):
        if person.pid in wanted:
            truth[person.pid] = (person, origin)
        if len(truth) == len(wanted) or int(person.pid[1:]) > 3 * len(wanted) + 100:
            break
    nationality = Counter(origin.nationality or "unknown" for _, origin in truth.values())
    names: Counter[tuple[str, str, int]] = Counter(identity(p) for p, _ in truth.values())
    shared = [p for p, _ in truth.values() if names[identity(p)] > 1]
    by_nat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for person, origin in truth.values():
        group = by_nat[origin.nationality or "unknown"]
        group[0] += 1
        group[1] += names[identity(person)] > 1
    lines = [
        f"{size} records, seed {seed}: {len(persons)} persons "
        f"({len(persons) / size:.1%} of records), generated in {seconds:.1f} s",
        "records per person: " + ", ".join(f"{k}: {v}" for k, v in sorted(per_person.items())),
        "persons per nationality: "
        + ", ".join(f"{k} {v / len(truth):.1%}" for k, v in nationality.most_common()),
        f"persons sharing given names + surname + birth year with another person: "
        f"{len(shared)} ({len(shared) / len(truth):.2%}); by nationality: "
        + ", ".join(
            f"{k} {s / n:.1%}"
            for k, (n, s) in sorted(by_nat.items(), key=lambda x: -x[1][0])
            if n >= 50
        ),
        f"minors at first registration: "
        f"{sum(p.year - p.dob.year < 18 for p, _ in truth.values()) / len(truth):.1%}; women: "
        f"{sum(p.sex == 'female' for p, _ in truth.values()) / len(truth):.1%}",
        "events per 100 records:",
    ]
    lines += [f"  {label}: {value / size * 100:.2f}" for label, value in events.most_common()]
    return "\n".join(lines)


def main() -> None:
    arguments = sys.argv[1:]
    if arguments and arguments[0] == "--summary":
        size = int(arguments[1]) if len(arguments) > 1 else 10_000
        seed = int(arguments[2]) if len(arguments) > 2 else 4242 + size
        print(summary(size, seed))
        return
    if len(arguments) not in (3, 4):
        print(__doc__.split("\n\n")[0] + "\n\n" + USAGE, file=sys.stderr)
        sys.exit(2)
    size, people_path, truth_path = int(arguments[0]), arguments[1], arguments[2]
    seed = int(arguments[3]) if len(arguments) == 4 else 4242 + size
    with (
        open(people_path, "w", encoding="utf-8", newline="") as people_file,
        open(truth_path, "w", encoding="utf-8", newline="") as truth_file,
    ):
        people_writer = csv.DictWriter(
            people_file,
            fieldnames=[
                "record_id",
                "source",
                "given_name",
                "surname",
                "date_of_birth",
                "sex",
                "nationality",
                "country_of_birth",
            ],
        )
        truth_writer = csv.writer(truth_file)
        people_writer.writeheader()
        truth_writer.writerow(["record_id", "person_id"])
        for row, pid in registrations(size, seed):
            people_writer.writerow(row)
            truth_writer.writerow([row["record_id"], pid])


USAGE = """usage:
    uv run python bench/sealed_registrations.py RECORDS people.csv truth.csv [SEED]
    uv run python bench/sealed_registrations.py --summary [RECORDS [SEED]]"""

if __name__ == "__main__":
    main()
