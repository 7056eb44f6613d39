# ruff: noqa: RUF001
"""Fifth, blind set of synthetic registrations of presumed victims of human trafficking.

This generator was written as a yardstick for the registry's record linkage by someone who
did NOT read the linkage model, its pseudonymisation, the other four generators or any
linkage result. Nothing in here was fitted: every rate is a judgement from (remembered)
knowledge of how Dutch organisations register people, written down before any linkage ran
on this data. Where a number comes from a remembered source it says so; all such numbers are
rounded and may be off. They are meant to be plausible, not exact.

Population (who is registered)
------------------------------
Remembered from the CoMensha annual reports and the Nationaal Rapporteur's monitors
(2017-2023): roughly 1,000-2,000 presumed victims a year; Dutch nationals are the largest
single group (about a third, many of them minor girls in sexual exploitation by
"loverboys" and, increasingly, boys in criminal exploitation); the main foreign groups vary
by year but include Nigeria (mostly women from Edo State), Romania, Poland, Bulgaria,
Hungary, Ukraine (since 2022), Vietnam (minors in cannabis cultivation, nail bars),
China, Eritrea (exploitation on the route via Libya), Morocco, Syria, Afghanistan,
Guinea/Sierra Leone, Latin America (Colombia, Venezuela, Dominican Republic, Brazil),
the Philippines and India (labour: domestic work, transport, agriculture, restaurants).
The mix in ORIGINS below is a rounded judgement of that; Dutch nationals include people
with Moroccan, Turkish, Surinamese and Antillean roots (Dutch nationality, often born in
the Netherlands), whose names come from those naming traditions.

Sources (who registers)
-----------------------
police (incl. AVIM), kmar (Royal Marechaussee, border: works from passports, MRZ in
capitals without diacritics), ind and coa (asylum; many people have no documents, so
birth dates are estimated, 1 January is the usual default), youth_care (incl. Nidos
guardians; BSN-linked, use call names), veilig_thuis, shelter (COSM/categorial shelter),
fairwork (intake by phone, spelling by ear), labour_inspectorate (Nederlandse
Arbeidsinspectie; copies documents at inspections), municipality (BRP: official names,
all given names, unknown date parts as 00, no aliases), care_coordinator (zorgcoördinator
mensenhandel; re-types what referrers sent), outreach (street/window outreach to sex
workers: first names or working names, ages instead of dates). Each source has its own
tendencies in SOURCES: how often it works from a document, capitals, typo rate, first
given name only, call names, aliases, missing fields, date quality.

Records per person
------------------
Most presumed victims are registered once (CoMensha historically saw one notification for
most people, with overlap between police, shelters and care coordinators for a minority).
Chosen: about 60 % once, 20 % twice, 10 % three times and a tail to 8, with more
registrations for Dutch minors (youth care, Veilig Thuis, police, municipality all
involved) and asylum seekers (IND and COA always both know them). Some sources copy an
earlier registration of the same person (COA from IND, care coordinators from referrers),
so errors propagate between records: this is how it works in practice and it makes some
records agree with each other while disagreeing with the person's document.

How the same person is written differently (rates per record are in SOURCES/ORIGIN; the
--summary prints the realised share of each kind):
* dates: estimated year off by 1-5 for undocumented people (age assessment, self-report),
  1 January default, year only ("2007" or BRP "2007-00-00"/"2007-05-00"), day/month
  swapped, one digit typed wrong, one day off, missing;
* names: transliteration of Cyrillic (passport/ICAO, English, German, Dutch, French
  conventions) and Russian instead of Ukrainian forms, patronymic taken as a given name,
  Arabic spellings (Mohammed/Muhammad/Mohamed, Abdel/Abd al-/Abdul, al-/El- dropped,
  joined, inverted), Tigrinya spelling variants and father's/grandfather's name as
  surname, Chinese and Vietnamese order, joined/split given names, Vietnamese without
  diacritics or with the middle name moved, Hungarian family-first order, Sikh
  Singh/Kaur as surname or given name, only the first of several given names, call name
  (roepnaam) instead of official names, Dutch surname prefixes inverted ("Berg, van den"),
  dropped, merged or abbreviated, married names and double surnames (Dutch naamgebruik,
  Spanish two surnames, Brazilian last-surname use, Filipino middle names), capitals,
  typos (keyboard, phonetic, OCR, dropped/doubled/transposed letters), given and surname
  swapped, name in the native script, aliases and working names (a completely different
  identity), sex missing or wrong, nationality and country of birth missing or different
  (Eritrean/Ethiopian, Afghan born in Iran, dual Dutch-Moroccan, etc.).

Hard negatives (different people that look alike)
-------------------------------------------------
Heavy-headed name frequencies (Zipf-like weights over each pool, a long tail of
generated rarer surnames for the large origins; Vietnamese family names follow the
well-known shares, Nguyễn about 38 %), families registered together (siblings with the
same surname and close birth dates, twins with the same date, parent and child, where
Eritrean children carry the parent's given name as surname exactly as the law there
works), and deliberately injected namesakes: a different person of the same origin with
the same given and surname born within a few years (common in Nguyen, Singh/Kaur,
Mohammed, Diallo, de Jong, Kowalska...).

Usage:
    uv run python bench/fifth_registrations.py RECORDS people.csv truth.csv [SEED]
    uv run python bench/fifth_registrations.py --summary [RECORDS [SEED]]
"""

from __future__ import annotations

import csv
import random
import sys
import time
import unicodedata
from bisect import bisect
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate

# --------------------------------------------------------------------------------------
# small helpers


def _words(text: str) -> list[str]:
    return text.split()


def _names(text: str) -> list[tuple[str, ...]]:
    """Comma separated names; spelling variants of one name separated by '|'."""
    out = []
    for item in text.replace("\n", " ").split(","):
        item = " ".join(item.split())
        if item:
            out.append(tuple(item.split("|")))
    return out


class Pool:
    """Names with Zipf-like weights over the listed order (head first) and a flat tail."""

    def __init__(
        self,
        head: list[tuple[str, ...]],
        tail: list[tuple[str, ...]] | None = None,
        exponent: float = 1.0,
        weights: list[float] | None = None,
        offset: float = 3.0,
    ) -> None:
        self.items = list(head) + list(tail or [])
        if weights is None:
            weights = [1.0 / (rank + offset) ** exponent for rank in range(len(head))]
        else:
            weights = list(weights)
        last = weights[-1] if weights else 1.0
        weights += [last * 0.35] * len(tail or [])
        self.cum = list(accumulate(weights))

    def pick(self, rng: random.Random) -> tuple[str, ...]:
        return self.items[bisect(self.cum, rng.random() * self.cum[-1])]


def _choice(rng: random.Random, table: dict[str, float]) -> str:
    total = sum(table.values())
    point = rng.random() * total
    for key, weight in table.items():
        point -= weight
        if point < 0:
            return key
    return key


def _tail(prefixes: str, stems: str, endings: str, count: int) -> list[tuple[str, ...]]:
    """Generated rare surnames: prefix + stem + ending, from a fixed private rng."""
    rng = random.Random(count * 7 + len(stems))
    pre = prefixes.split(",")
    stem = [s.strip() for s in stems.replace("\n", " ").split(",") if s.strip()]
    end = [e.strip() for e in endings.replace("\n", " ").split(",")]
    seen: set[str] = set()
    out: list[tuple[str, ...]] = []
    for _ in range(count * 20):
        core = rng.choice(stem) + rng.choice(end)
        name = rng.choice(pre) + core[0].upper() + core[1:]
        if name not in seen:
            seen.add(name)
            out.append((name,))
        if len(out) == count:
            break
    return out


# --------------------------------------------------------------------------------------
# name pools (invented for this file; order is roughly by frequency, head first)

NL_SUR = Pool(
    _names("""de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser,
    Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker,
    Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, van der Linden, Kok, Jacobs,
    de Haan, Vermeulen, van den Heuvel, van der Veen, van den Broek, de Bruijn, de Bruin,
    van der Heijden, Schouten, van Beek, Willems, van Vliet, van de Ven, Hoekstra, Maas,
    Verhoeven, Koster, van Dam, van der Wal, Prins, Blom, Huisman, Peeters, de Jonge, Kuipers,
    van Veen, Post, Kuiper, Veenstra, Kramer, van den Brink, Scholten, van Wijk, Postma,
    Martens, Vink, de Ruiter, Timmermans, Groen, Gerritsen, Jonker, van Loon, Boer,
    van der Velde, Willemsen, Smeets, de Lange, de Vos, Bosch, van Dongen, Schipper,
    de Koning, van der Laan, Koning, van der Velden, Driessen, van Doorn, Hermans, Evers,
    van den Bosch, van der Meulen, Hofman, Bosman, Wolters, Sanders, van der Horst, Mol,
    Kuijpers, Molenaar, van de Pol, de Leeuw, Verbeek, Meijers, Rijnders, Claassen, Vermeer,
    van Rijn, Wouters, Zwart, Heijnen, de Kok, van Os, Hoogendoorn, Brink, van Es, Kort,
    van der Zanden, Nijhuis, ter Horst, te Velde, van 't Hof, in 't Veld, Veldhuis, Lammers,
    Bouwman, Franken, Kroon, Aarts, Wijnen, van Gils, Steenbergen, Pronk, Keizer, Dirksen,
    van Rooij, van Ginkel, Boersma, Bakx, Oosterhuis, Geurts, Hoekman, Tromp, Stam, Bruins"""),
    _tail(
        ",,,,,van ,van der ,van den ,de ,ter ,van de ",
        """berg, hout, veld, brink, hoek, kamp, laan, molen, dijk, beek, broek, meer, heide,
        hof, wal, zand, horst, linde, water, steen, kolk, haar, akker, weide, vlier, gaal,
        bree, donk, els, haag, hulst, kerk, loo, mark, rijs, sloot, wey, ooster, wester,
        groot, klein, noord, zuid, boom, brug, dam, gracht, sluis, veen""",
        ",en,man,s,ink,inga,stra,huis,kamp,ing,ema,sma,ert,hout,veld,dijk,meijer,er,ers",
        900,
    ),
    offset=8.0,
)
NL_F_MODERN = Pool(
    _names("""Lisa, Sanne, Anouk, Lotte, Fleur, Emma, Julia, Sophie, Eva, Iris, Laura, Femke,
    Kim, Demi, Romy, Isa, Sara, Tess, Noa, Lieke, Britt, Esmee, Naomi, Jessica, Kelly,
    Chantal, Priscilla, Shanna, Kimberley, Samantha, Danielle, Melissa, Nicole, Amber,
    Chelsea, Jasmijn, Maud, Nina, Lynn, Zoë, Lara, Merel, Roos, Floor, Anna, Sarah, Manon,
    Marloes, Mandy, Jamie, Yara, Lana, Luna, Senna, Bo, Fenna, Jolien, Kayleigh, Shirley,
    Denise, Patricia, Marieke, Ilse, Inge, Linda, Wendy, Monique, Sandra, Natasja, Rebecca,
    Jacqueline, Alexandra, Angela, Bianca, Michelle, Stephanie, Vanessa, Tamara, Dewi,
    Jill, Joyce, Kirsten, Lieve, Mila, Noor, Puck, Quinty, Robin, Sabrina, Tanja, Vera,
    Willemijn, Yvonne, Zara, Elif, Nadia, Sophia, Evi, Elise, Cheyenne, Destiny, Jaimy,
    Lindsey, Megan, Nikki, Shannon, Sharon, Tiffany, Annabel, Charlotte, Dominique,
    Esther, Femmy, Gwen, Hanna, Indy, Jade, Kiki, Liz, Marit, Nienke, Pleun, Renske"""),
    exponent=0.8,
)
NL_M_MODERN = Pool(
    _names("""Daan, Sem, Lucas, Milan, Thomas, Jesse, Bram, Lars, Ruben, Tim, Niels, Kevin,
    Dylan, Mike, Stefan, Rick, Jeroen, Bas, Sven, Tom, Luuk, Thijs, Stijn, Max, Levi, Noah,
    Finn, Jayden, Justin, Nick, Joey, Ricardo, Dennis, Mark, Patrick, Sander, Martijn,
    Wouter, Jelle, Koen, Joris, Gijs, Tygo, Julian, Damian, Romano, Jordy, Bryan, Danny,
    Gino, Jason, Kenny, Robin, Roy, Sebastiaan, Timo, Vincent, Wesley, Youri, Zeger,
    Anton, Boris, Casper, Dirk, Erik, Floris, Gerrit, Hidde, Ivo, Jasper, Kay, Lex, Mats,
    Olaf, Pim, Quinten, Rens, Sjoerd, Teun, Ward, Xander, Yannick, Chris, Mitchell, Shane"""),
    exponent=0.8,
)
NL_F_OFFICIAL = _names("""Johanna, Maria, Cornelia, Wilhelmina, Hendrika, Petronella,
    Elisabeth, Catharina, Geertruida, Adriana, Jacoba, Anna, Margaretha, Theodora, Francisca,
    Antonia, Aleida, Gerarda, Christina, Helena""")
NL_M_OFFICIAL = _names("""Johannes, Hendrik, Cornelis, Jacobus, Petrus, Wilhelmus, Gerardus,
    Adrianus, Antonius, Franciscus, Theodorus, Willem, Jan, Pieter, Nicolaas, Christiaan,
    Gerrit, Hendrikus, Martinus, Albertus, Lambertus, Josephus""")
CALL_NAMES = {
    "Johanna": ["Anneke", "Joke", "Hanneke", "Jo"],
    "Maria": ["Marieke", "Mieke", "Ria"],
    "Cornelia": ["Corrie", "Nelleke", "Cora"],
    "Wilhelmina": ["Wilma", "Mien", "Willemijn"],
    "Hendrika": ["Riek", "Henny", "Rika"],
    "Petronella": ["Nel", "Nelly", "Petra"],
    "Elisabeth": ["Lisa", "Els", "Liesbeth", "Betty"],
    "Catharina": ["Karin", "Kitty", "Trijntje", "Rina"],
    "Geertruida": ["Truus", "Geertje", "Trudy"],
    "Adriana": ["Jeanne", "Ria", "Adrie"],
    "Jacoba": ["Coby", "Jacqueline", "Co"],
    "Anna": ["Anouk", "Anne", "Annie"],
    "Margaretha": ["Margriet", "Greet", "Grietje", "Margo"],
    "Johannes": ["Hans", "Jan", "Johan", "Joop"],
    "Hendrik": ["Henk", "Rik", "Henny"],
    "Cornelis": ["Kees", "Cor", "Niels"],
    "Jacobus": ["Jaap", "Koos", "Sjaak"],
    "Petrus": ["Peter", "Piet", "Peer"],
    "Wilhelmus": ["Wim", "Willem", "Pim"],
    "Gerardus": ["Gerard", "Gert", "Ger"],
    "Adrianus": ["Ad", "Arie", "Adrie"],
    "Antonius": ["Ton", "Toon", "Anton"],
    "Franciscus": ["Frank", "Frans", "Sjef"],
    "Theodorus": ["Theo", "Dorus", "Ruud"],
    "Nicolaas": ["Klaas", "Niek", "Nico"],
    "Christiaan": ["Chris", "Christian"],
    "Kimberley": ["Kim"],
    "Samantha": ["Sam", "Sammy"],
    "Jessica": ["Jess"],
    "Alexandra": ["Sandra", "Lexie"],
    "Rebecca": ["Becky"],
    "Jacqueline": ["Jacky"],
    "Natasja": ["Tasja"],
    "Sebastiaan": ["Bas"],
    "Dominique": ["Nikki"],
    "Charlotte": ["Lotte"],
    "Stephanie": ["Steffie"],
    "Mitchell": ["Mitch"],
    "Michelle": ["Chelle"],
}
CS_SUR = Pool(
    _names("""Pinas, Kross, Sedney, Vlijter, Wijngaarde, Esajas, Macnack, Pengel, Eduards,
    Dors, Ramdin, Ramcharan, Jagessar, Mohan, Sewdien, Bissesar, Kalloe, Ramsaran, Kartosen,
    Soekhoe, Martina, Isenia, Janga, Rosaria, Maduro, Cijntje, Statia, Felida, Koeiman,
    Croes, Werleman, Arends, Geerman, Doran, Zimmerman, Bernardina, Cicilia, Leito, Profijt,
    Nelom, Redan, Amelo, Abena, Lieuw, Tjin, Fung A Loi, Misiedjan, Aloema, Kasanwiryo,
    Sardjoe, Badloe, Ferrier, Fraser, Lont, Olff, Nahar, Jhinkoe, Biharie, Panday, Ramlal"""),
    exponent=0.7,
    offset=8.0,
)
CS_F = Pool(
    _names("""Shanice, Shanaya, Naomi, Kimberly, Sharon, Rachelle, Jennifer, Jurna, Chanel,
    Xiomara, Gyliane, Roshni, Priya, Anjali, Sharina, Sheryl, Rihanna, Aaliyah, Maureen,
    Jeanine, Giselle, Sanne, Kelly, Melissa, Destiny, Imani, Kiara, Jazlyn, Ayesha, Sunaina"""),
    exponent=0.7,
)
CS_M = Pool(
    _names("""Quincy, Giovanni, Jurgen, Rigino, Denzel, Xavier, Jayden, Romano, Ryan, Stanley,
    Clarence, Roël, Rudsel, Jermaine, Dwayne, Sergio, Ravi, Rajesh, Sunil, Anand, Kenneth,
    Shurandy, Jeffrey, Marlon, Remy, Tyrone, Kevin, Justin, Delano, Milton"""),
    exponent=0.7,
)

MA_SUR = Pool(
    _names("""El Amrani|El-Amrani|Elamrani, Bouzid|Bouzit, El Idrissi|Idrissi, Benali|Ben Ali,
    Ait Ali|Aït Ali, Ouali|Wali, El Khatib|Khatib, Amrani, Haddouchi|Hadouchi, Boukhari,
    Tahiri, El Ouazzani|Ouazzani|El Wazzani, Chaoui|Chaoui, Bakkali|Bakali, El Hamdaoui,
    Azzouzi|Azouzi, Bouzidi, El Ghazali, Aarab|Arab, Achahbar, Akrouh, Boulahrouz|Boulahrous,
    Bouali, Chakir|Shakir, Dahmani, El Bouazzati, El Yassini, Essafi|Es Safi, Fadili,
    Hamdi, Jaadar, Kaddouri|Kadouri, Laaroussi|Larousi, Mansouri|El Mansouri, Naciri|Nasiri,
    Oulad Ali, Rahmouni, Saidi|Saïdi, Tahri, Yahyaoui, Zaoui, Zouhri, El Mokhtari, Abarkan,
    Aboutaleb, Amajou, Benhaddou, Bensaid|Ben Said, Boujemaa, Chadli, Azzaoui, Benaissa,
    El Amiri, El Hadioui, Moussaoui|Mousaoui, Ouchan, Bennani, Alaoui|El Alaoui, Berrada,
    Benjelloun, Tazi, Fassi, Chraibi, Lahlou, Kettani, Sebti, Ziani, Belhaj, Harrak,
    El Haddad|Haddad, Boutaleb, Ouahabi, Ezzahraoui, Bouchtaoui, Haouari, Mazouz"""),
    exponent=0.8,
    offset=8.0,
)
MA_M = Pool(
    _names("""Mohamed|Mohammed|Muhammad|Mohammad|Mohamad, Ahmed|Ahmad,
    Youssef|Yousef|Youssouf|Yusuf,
    Said|Saïd|Saeed, Hassan|Hasan, Mustapha|Mustafa|Moustafa, Rachid|Rachied|Rashid,
    Karim|Kareem, Hamza|Hamzah, Bilal, Ayoub|Ayub|Ayyoub, Anouar|Anwar|Anouare, Nordin|Noureddine,
    Khalid|Khaled, Soufiane|Sofian|Soufian, Zakaria|Zakariya, Ilias|Elias|Ilyas,
    Redouan|Redouane|Ridouan, Nabil, Adil|Adel, Tarik|Tariq|Tarek, Younes|Yunus|Younès,
    Anass|Anas, Mehdi|Mahdi, Othman|Otman|Outman, Achraf|Ashraf, Ismail|Ismaïl|Esmail,
    Abdelkader|Abdel Kader|Abdulkadir, Abdellah|Abdallah|Abdullah, Abdelhak|Abdel Hak,
    Driss|Idriss, Omar|Umar, Jamal|Djamal, Mounir|Munir, Yassine|Yassin|Yasin, Fouad|Fuad,
    Brahim|Ibrahim, Hicham|Hisham, Abdelaziz|Abdel Aziz|Abdulaziz, Aziz, Mimoun|Mimun,
    Azzedine|Izzeddine"""),
    exponent=0.9,
)
MA_F = Pool(
    _names("""Fatima|Fatma|Fatiha, Khadija|Khadidja|Khadîja, Naima|Naïma, Malika, Samira,
    Nadia, Latifa, Hanane|Hanan, Imane|Iman, Sanae|Sanaa, Soukaina|Soukayna, Yasmina|Yasmine,
    Salma, Hafsa, Meryem|Maryam|Mariam, Ikram, Nora|Noura, Loubna|Lubna, Siham, Hajar|Hadjar,
    Najat, Zineb|Zaynab|Zainab, Chaima|Shaima, Ilham, Houda|Huda, Wafae|Wafa, Karima,
    Bouchra|Bushra, Aicha|Aisha|Aïcha, Rachida, Souad|Suad, Ouafae, Dounia|Dunya, Rania,
    Kaoutar|Kawtar, Nisrine|Nesrine, Asmae|Asma, Fadoua|Fadwa, Btissam|Ibtissam, Amal,
    Laila|Leila|Leïla, Mounia, Sara|Sarah, Hind, Oumaima|Umaima"""),
    exponent=0.9,
)
TR_SUR = Pool(
    _names("""Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir,
    Arslan, Doğan, Kılıç, Aslan, Çetin, Kara, Koç, Kurt, Özkan, Şimşek, Polat, Özcan, Korkmaz,
    Çakır, Erdoğan, Yavuz, Can, Acar, Şen, Aktaş, Güler, Yalçın, Güneş, Bozkurt, Bulut,
    Keskin, Ünal, Turan, Gül, Özer, Işık, Kaplan, Avcı, Sarı, Tekin, Taş, Köse, Yüksel,
    Ateş, Aksoy, Uçar, Tunç, Karaca, Başaran, Duman, Toprak, Tokgöz, Altun, Bayram, Kocabaş"""),
    exponent=0.9,
    offset=8.0,
)
TR_F = Pool(
    _names("""Ayşe, Fatma, Emine, Elif, Zeynep, Büşra, Merve, Kübra, Esra, Hatice, Özlem,
    Sevgi, Gülsüm, Derya, Dilek, Tuğba, Ebru, Sibel, Gamze, Cansu, Melike, Şeyma, İrem,
    Yasemin, Hülya, Songül, Nurcan, Filiz, Aylin, Damla"""),
)
TR_M = Pool(
    _names("""Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, Emre, Burak, Murat,
    Ömer, Yusuf, Osman, Ramazan, Halil, Süleyman, Abdullah, Mahmut, Recep, Serkan, Fatih,
    Kemal, Onur, Oğuz, Enes, Furkan, Cem, Erkan, Volkan, Tolga"""),
)

NG_SUR = Pool(
    _names("""Omoregie|Omorogie, Osagie, Igbinedion, Idahosa, Obasuyi, Iyamu, Edosomwan,
    Uwaifo, Ogbeide, Aigbe, Ehigiator, Igbinosa, Osaghae, Erhabor, Omorogbe, Ogiemwonyi,
    Okunbor, Aghedo, Imafidon, Uwadiae, Osayande, Ekhator, Eguavoen, Iyoha, Okoro, Eze,
    Okafor, Okonkwo, Nwachukwu, Obi, Adeyemi, Ogunleye, Adebayo, Olawale, Ojo, Bello,
    Abubakar, Ibrahim, Okeke, Onyeka, Chukwu, Nnamdi, Uche, Edokpolo, Osemwegie, Agbonlahor,
    Obaseki, Ighodaro, Ogbebor, Omonkhua, Asemota, Izevbekhai, Enabulele, Akhigbe, Osifo,
    Oviasu, Aimufua, Eweka, Ebohon, Idehen, Ogunbiyi, Okoye, Ezeh, Nwosu, Agbaje"""),
    _tail(
        "",
        "osa, igbi, omo, ogie, eghe, ehi, iyo, uwa, edo, aghe, ose, ighe, oba, ekh, eno, oko",
        "gie, ro, nosa, mwen, de, mwonyi, huwa, bor, fidon, diae, rhe, buwa, kpolo, mwanta, sere",
        250,
    ),
    exponent=0.9,
    offset=8.0,
)
NG_F_EN = Pool(
    _names("""Blessing, Precious, Joy, Favour|Favor, Gift, Happiness, Mercy, Faith, Esther,
    Patience, Peace, Glory, Success, Princess, Ivy, Lucky, Rita, Vivian, Stella, Juliet,
    Sandra, Jennifer, Comfort, Loveth|Lovette, Grace, Hope, Charity, Queen, Goodness, Miracle,
    Evelyn, Victoria, Deborah, Rebecca, Esohe, Sylvia, Helen, Mary, Cynthia, Gloria"""),
)
NG_F_NAT = Pool(
    _names("""Osasu|Osas, Efe, Eki, Ivie, Itohan|Itohen, Osayuwamen, Omosede, Amenze, Ehi,
    Oghogho, Uyi, Nosa, Osaro, Eghosa, Isoken, Ofure, Ekinadose, Iziengbe|Izi, Adesuwa,
    Osarugue, Uwa, Chioma, Ngozi, Adaeze, Chinwe, Amaka, Funmilayo|Funmi, Bukola, Aisha,
    Fatima, Imuetiyan, Orobosa, Etinosa, Omoye, Idia, Edeki, Ewere, Ijeoma, Nneka, Yewande"""),
)
NG_M = Pool(
    _names("""Osagie, Osaro, Osas, Osaretin|Osarentin, Eghosa, Ehis, Efosa, Ikponmwosa|Ikpomwosa,
    Nosa, Uyi, Godwin, Sunday, Friday, Lucky, Emmanuel, Samuel, Daniel, Victor, Kingsley,
    Prince, Collins, Chukwuemeka, Chinedu, Emeka, Ifeanyi, Obinna, Tunde, Segun, Ibrahim,
    Musa, Festus, Henry, Peter, Paul, Osamudiamen, Omoruyi, Ekhosuehi, Igbinosa, Solomon"""),
)

RO_SUR = Pool(
    _names("""Popa, Popescu, Pop, Radu, Dumitru, Stan, Stoica, Gheorghe, Matei, Ciobanu,
    Constantin, Ionescu, Rusu, Munteanu, Mihai, Marin, Tudor, Florea, Dinu, Ion, Lungu,
    Moldovan, Diaconu, Barbu, Nistor, Dobre, Ene, Neagu, Sandu, Cristea, Ilie, Toma, Ursu,
    Lazăr, Vasile, Preda, Nedelcu, Iordache, Bălan, Dragomir, Anghel, Tănase, Enache,
    Mocanu, Căpraru, Stănescu, Oprea, Voicu, Sârbu, Mitrea, Zamfir, Lupu, Coman, Dobrescu,
    Ștefan|Ştefan, Niculae, Rădulescu, Grigore, Buzatu, Surdu, Căldăraru, Linguraru, Ursaru,
    Fieraru, Lăutaru, Spoitoru, Costache, Petrache, Dinică, Mircea"""),
    _tail(
        "",
        """pop, radu, stan, dinu, vlad, ene, bucur, mari, costin, dobr, mih, petr, sim, tom,
        nicul, grig, bogd, lup, ursul, dragh, negr, alb, vasil, andron, ciucur, zamfir""",
        "escu, eanu, aru, ache, ică, oiu, ea, an, ei",
        250,
    ),
    offset=8.0,
)
RO_F = Pool(
    _names("""Maria, Elena, Ioana, Andreea, Alexandra, Mihaela, Ana, Cristina, Gabriela,
    Florentina, Georgiana, Nicoleta, Adriana, Ramona, Simona, Roxana, Alina, Daniela,
    Bianca, Denisa, Larisa, Loredana, Claudia, Mădălina, Ionela, Cătălina, Florina,
    Valentina, Lavinia, Anca, Diana, Raluca, Oana, Irina, Carmen, Luminița|Luminiţa,
    Violeta, Paula, Teodora, Camelia, Marinela, Viorica, Rodica, Estera, Narcisa"""),
)
RO_M = Pool(
    _names("""Ion, Gheorghe, Constantin, Alexandru, Andrei, Mihai, Vasile, Ștefan|Ştefan,
    Florin, Marian, Adrian, Ionuț|Ionuţ, Cristian, Daniel, Nicolae, Gabriel, Bogdan, Cosmin,
    Marius, Dumitru, Petru, Costel, Sorin, Răzvan, Cătălin, Alin, Valentin, Dorin, Viorel,
    Liviu, Ovidiu, Sebastian, Lucian, Iulian, Remus, Fănel, Nelu, Gigel, Mădălin, Robert"""),
)
PL_SUR = Pool(
    _names("""Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski,
    Zieliński, Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Kwiatkowski,
    Wojciechowski, Krawczyk, Kaczmarek, Piotrowski, Grabowski, Zając, Pawłowski, Michalski,
    Król, Wieczorek, Jabłoński, Wróbel, Nowakowski, Majewski, Olszewski, Stępień,
    Malinowski, Jaworski, Adamczyk, Dudek, Nowicki, Pawlak, Górski, Witkowski, Walczak,
    Sikora, Baran, Rutkowski, Michalak, Szewczyk, Ostrowski, Tomaszewski, Pietrzak,
    Zalewski, Wróblewski, Jasiński, Marciniak, Zawadzki, Sadowski, Bąk, Chmielewski,
    Włodarczyk, Borkowski, Czarnecki, Sawicki, Sokołowski, Urbański, Kubiak, Maciejewski,
    Szczepański, Kucharski, Wilk, Kalinowski, Lis, Mazurek, Wysocki, Adamski, Kaźmierczak"""),
    _tail(
        "",
        """kowal, nowa, wis, grab, dąbr, koz, zaj, mal, jasz, ryb, kwiat, sob, krzyw, pod,
        brz, sos, lip, wol, kos, mroz, now, sław, bied, czern, jak, gór, lesz""",
        "ski, cki, owski, ewski, ak, ek, czyk, iak, ik, uk",
        300,
    ),
    offset=8.0,
)
PL_F = Pool(
    _names("""Anna, Maria, Katarzyna, Małgorzata, Agnieszka, Barbara, Ewa, Krystyna, Elżbieta,
    Joanna, Magdalena, Monika, Aleksandra, Natalia, Justyna, Karolina, Paulina, Marta,
    Beata, Dorota, Sylwia, Iwona, Kinga, Weronika, Dominika, Patrycja, Julia, Zofia,
    Wiktoria, Renata, Edyta, Izabela, Urszula, Grażyna, Halina, Jolanta, Agata, Emilia"""),
)
PL_M = Pool(
    _names("""Piotr, Krzysztof, Andrzej, Tomasz, Paweł, Jan, Michał, Marcin, Stanisław,
    Jakub, Adam, Marek, Łukasz, Grzegorz, Mateusz, Wojciech, Mariusz, Dariusz, Zbigniew,
    Jerzy, Maciej, Rafał, Robert, Kamil, Dawid, Sebastian, Artur, Szymon, Przemysław,
    Damian, Sławomir, Jacek, Janusz, Ryszard, Leszek, Bartosz, Patryk, Radosław, Kacper"""),
)
HU_SUR = Pool(
    _names("""Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Németh, Farkas,
    Balogh, Papp, Takács, Juhász, Lakatos, Mészáros, Oláh, Simon, Rácz, Fekete, Szilágyi,
    Török, Fehér, Balázs, Gál, Kis, Szűcs, Kocsis, Orsós, Pintér, Fodor, Szalai, Sipos,
    Magyar, Lukács, Gulyás, Biró, Király, Katona, László, Jakab, Bogdán, Balog, Sándor,
    Boros, Fazekas, Kelemen, Antal, Orosz, Somogyi, Vadász, Csonka, Hegedűs, Bodnár"""),
    offset=8.0,
)
HU_F = Pool(
    _names("""Mária, Erzsébet, Katalin, Éva, Ilona, Anna, Zsuzsanna, Margit, Judit, Ágnes,
    Andrea, Krisztina, Erika, Beáta, Mónika, Nikolett, Vivien, Alexandra, Bianka, Dóra,
    Fanni, Zsófia, Réka, Renáta, Tímea, Edina, Szilvia, Klaudia, Brigitta, Enikő"""),
)
HU_M = Pool(
    _names("""László, István, József, János, Zoltán, Sándor, Ferenc, Gábor, Attila, Péter,
    Tamás, Zsolt, Tibor, András, Csaba, Imre, Lajos, György, Balázs, Róbert, Norbert,
    Krisztián, Dávid, Bence, Máté, Gergő, Ádám, Richárd, Roland, Szabolcs"""),
)
LA_SUR = Pool(
    _names("""García, Rodríguez, Martínez, López, González, Hernández, Pérez, Sánchez,
    Ramírez, Torres, Gómez, Díaz, Vargas, Castro, Rojas, Moreno, Jiménez, Ruiz, Álvarez,
    Romero, Herrera, Medina, Suárez, Aguilar, Muñoz, Ortiz, Guzmán, Mendoza, Cárdenas, Ríos,
    Ospina, Restrepo, Cardona, Londoño, Zapata, Marín, Valencia, Quintero, Giraldo, Osorio,
    Castillo, Mejía, Cruz, Reyes, Peña, Rosario, Batista, Santana, De la Cruz, Del Rosario,
    De los Santos, Villalobos, Salazar, Arias, Montoya, Henao, Bermúdez, Parra, Acosta,
    Espinosa, Figueroa, Navarro, Pineda, Sierra, Valdez, Paredes, Contreras, Urdaneta"""),
    exponent=0.9,
    offset=8.0,
)
LA_F = Pool(
    _names("""María, Ana, Luisa, Carolina, Daniela, Valentina, Camila, Paola, Andrea,
    Natalia, Alejandra, Diana, Laura, Yuliana, Yesenia, Leidy, Marcela, Angélica, Gabriela,
    Johana|Johanna, Katherine|Katerine, Paula, Sofía, Isabel, María José, Ana María,
    María Fernanda, Luz Marina, Yurani, Dayana|Dayanna, Yessica|Jessica, Milagros, Rosa,
    Mariela, Wendy, Yolanda, Sandra, Luz, Karina, Nathaly|Nataly"""),
)
LA_M = Pool(
    _names("""José, Juan, Carlos, Luis, Jorge, Andrés, Miguel, Jhon|John, Brayan|Bryan,
    Cristian|Christian, Diego, Fernando, Alejandro, Jesús, Pedro, David, Kevin, Daniel,
    Santiago, Sebastián, Juan Carlos, Luis Fernando, José Luis, Juan David, Jhon Jairo,
    Wilson, Edwin, Óscar, Julián, Ramón"""),
)
BR_SUR = Pool(
    _names("""da Silva, dos Santos, Oliveira, Souza|Sousa, Rodrigues, Ferreira, Alves,
    Pereira, Lima, Gomes, Costa, Ribeiro, Martins, Carvalho, Almeida, Lopes, Soares,
    Fernandes, Vieira, Barbosa, Rocha, Dias, Nascimento, Andrade, Moreira, Nunes, Marques,
    Machado, Mendes, Freitas, Cardoso, Ramos, Gonçalves, Santana, Teixeira, de Jesus,
    Araújo, Pinto, Correia, Cavalcanti, Batista, Monteiro, Moura, Campos, Xavier"""),
    exponent=0.9,
    offset=8.0,
)
BR_F = Pool(
    _names("""Ana, Maria, Juliana, Fernanda, Patrícia, Aline, Camila, Amanda, Bruna,
    Jéssica, Letícia, Mariana, Gabriela, Larissa, Vanessa, Tatiane, Priscila, Renata, Luana,
    Thaís, Ana Paula, Maria Eduarda, Ana Carolina, Daiane, Kelly, Raquel, Simone, Débora"""),
)
BR_M = Pool(
    _names("""João, José, Lucas, Gabriel, Pedro, Mateus, Rafael, Bruno, Felipe, Gustavo,
    Thiago, Diego, Rodrigo, Leonardo, Marcos, João Pedro, Carlos Eduardo, Luiz, Paulo, André"""),
)
PH_SUR = Pool(
    _names("""Santos, Reyes, Cruz, Bautista, Ocampo, Garcia, Mendoza, Torres, Tomas, Andrada,
    Castillo, Flores, Villanueva, Ramos, Aquino, Dela Cruz|De la Cruz|Delacruz, De Leon,
    Gonzales, Navarro, Manalo, Dizon, Pascual, Soriano, Valdez, Aguilar, Fernandez,
    Santiago, Lopez, Rivera, Domingo, Salazar, Mercado, Del Rosario, Lim, Tan, Macaraeg,
    Dimaculangan, Magbanua, Panganiban, Cabrera, Evangelista, Bernardo, Galang, Lacson"""),
    exponent=0.9,
    offset=8.0,
)
PH_F = Pool(
    _names("""Maria, Mary Joy, Jennifer, Rowena, Marites, Analyn, Jocelyn, Lovely, Princess,
    Kristine|Christine, Mary Grace, Rosalie, Arlene, Mylene, Cherry, Jasmine, Rhea, Joy,
    Jenny, Lea, Maricel, Jonalyn, Rochelle, Shiela|Sheila, Gemma, Maria Cristina, Divina"""),
)
PH_M = Pool(
    _names("""Jose, Juan, Mark, John Paul, Rodel, Jomar, Ramon, Ricardo, Christian, Jerome,
    Reynaldo, Romeo, Danilo, Ariel, Jayson|Jason, Rolando, Ronaldo, Jun, Noel, Edgardo"""),
)
IN_SUR = Pool(
    _names("""Sharma, Kumar, Verma, Gupta, Patel, Yadav, Reddy, Nair, Das, Mishra, Joshi,
    Chauhan, Rao, Pillai, Thakur, Pandey, Shah, Mehta, Iyer, Khan"""),
)
IN_F = Pool(
    _names("""Priya, Pooja, Anjali, Neha, Sunita, Kavita, Rekha, Lakshmi, Divya, Sonia,
    Geeta|Gita, Meena, Asha, Shanti, Radha, Sita, Usha, Deepa, Nisha, Rani"""),
)
IN_M = Pool(
    _names("""Rahul, Amit, Sunil, Raj, Vikram, Arjun, Ravi, Suresh, Anil, Deepak, Manoj,
    Rajesh, Sanjay, Vijay, Ramesh, Ashok, Ajay, Mahesh, Naresh, Mukesh"""),
)
SIKH_GIVEN = Pool(
    _names("""Harpreet, Gurpreet, Manpreet, Jaspreet, Harjit|Harjeet, Gurdeep, Kuldeep,
    Sukhwinder|Sukhvinder, Jasvir|Jasveer, Amandeep, Navdeep, Parminder, Baljit|Baljeet,
    Rajinder|Rajindar, Sandeep, Lovepreet, Harwinder|Harvinder, Jagdeep, Gurjit, Satnam,
    Simranjit, Hardeep, Jaswinder, Kulwinder, Balwinder, Ranjit, Sukhdeep, Tejinder"""),
)
SIKH_CLAN = Pool(
    _names("""Gill, Sandhu, Sidhu, Dhillon, Grewal, Brar, Sekhon, Bains, Randhawa, Sohal,
    Virk, Cheema, Bajwa, Mann, Dhaliwal, Johal, Atwal, Chahal, Kang, Toor"""),
)
WA_SUR = Pool(
    _names("""Diallo|Jalloh|Djalo, Barry|Bari, Bah|Ba, Sow|Sowe, Camara|Kamara, Sylla|Silla,
    Conde|Condé|Conteh, Keita|Keïta, Toure|Touré|Turay, Kaba, Balde|Baldé, Sesay|Sesey,
    Bangura, Koroma, Kargbo, Fofana|Fofanah, Cisse|Cissé|Sise, Traore|Traoré, Kouyate|Kouyaté,
    Soumah|Souma, Doumbouya, Mansaray, Kanu, Turay, Jallow, Kante|Kanté, Dabo, Sangare|Sangaré,
    Keita, Bangoura, Magassouba, Cherif|Chérif, Savane|Savané"""),
    exponent=1.1,
)
WA_M = Pool(
    _names("""Mamadou|Mamadu|Mamadi, Ibrahima|Ibrahim, Alpha, Amadou|Amadu, Ousmane|Usman|Osman,
    Abdoulaye|Abdulai|Abdoulai, Mohamed|Mohammed, Souleymane|Sulaiman|Suleiman,
    Boubacar|Abubakarr|Abubakar, Thierno|Tierno, Saidou|Saidu, Sekou|Sékou, Lansana,
    Alhassane|Alhassan|Alhasan, Moussa|Musa, Aliou|Aliu, Oumar|Umaru|Omar, Lamine,
    Abdul|Abdoul, Fode|Fodé"""),
    exponent=1.1,
)
WA_F = Pool(
    _names("""Fatoumata|Fatmata|Fatumata, Mariama|Mariam, Aissatou|Aïssatou|Aishatu|Isatu,
    Kadiatou|Kadiatu|Hadiatou, Hawa|Awa, Aminata|Aminatu, Fanta, Djenabou|Jenabu|Diénabou,
    Oumou|Umu, Binta, Adama, Mabinty|Mabinti, Hadja, Ramatoulaye|Ramatu, Nènè|Nene, Saran,
    Salematou|Salimatu, Kadidja, Zainab|Zeinab, Massa"""),
    exponent=1.1,
)
ABD_SUFFIX = _names("""Rahman, Karim, Aziz, Qader|Kader|Qadir, Latif, Majid, Hamid, Salam,
    Ghani, Wahab, Razzaq|Razak, Jalil, Nasser|Nasir, Hakim, Malik, Rahim""")
SY_M = Pool(
    _names("""Mohammed|Muhammad|Mohamad|Mohammad|Mohamed, Ahmad|Ahmed, Ali, Omar|Umar,
    Khaled|Khalid, Mahmoud|Mahmud|Mahmood, Hassan|Hasan, Hussein|Husein|Hussain|Hossein,
    Abdullah|Abdallah|Abdulla, @, @, @, Yousef|Youssef|Yusuf|Yosef, Ibrahim|Ebrahim|Ibraheem,
    Mustafa|Mostafa|Moustafa, Amer|Aamer, Rami, Bashar, Samer, Fadi, Hamza|Hamzah, Bilal,
    Majd, Anas, Tarek|Tariq|Tarik, Walid|Waleed, Jamal|Gamal, Ayham, Qusai|Kusai|Qusay,
    Obaida|Ubaida|Obada, Mazen|Mazin, Firas, Ammar|Amar, Yaser|Yasser|Yasir, Osama|Usama,
    Saleh|Salih, Khalil|Khaleel, Ziad|Ziyad, Nizar, Hadi, Wael|Wail, Hasan Ali"""),
)
SY_F = Pool(
    _names("""Fatima|Fatma|Fatimah, Aisha|Aicha|Ayesha|Aysha, Maryam|Mariam|Mariyam, Noor|Nour|Nur,
    Rania|Raniya, Hiba|Heba, Lina|Leena, Rana, Reem|Rim|Rym, Sara|Sarah, Yasmin|Yasmine|Jasmin,
    Zainab|Zeinab|Zaynab, Amal, Huda|Hoda, Dima, Ghada, Alaa|Ala'a, Israa|Esraa|Isra,
    Bushra|Boushra, Doaa|Duaa, Hanan, Layla|Leila|Laila, Salma|Selma, Shahed|Shahd, Rahaf,
    Ruba|Roba, Asmaa|Asma, Nadia|Nadiya, Samar, Hala, Joud|Jud, Batoul|Batool, Lama"""),
)
SY_SUR = Pool(
    _names("""Al-Ahmad, Al-Hussein|Al-Husain, Al-Ali, Al-Khatib, Haddad, Hamoud|Hammoud,
    Al-Hamwi, Sabbagh, Darwish|Darwich|Derwish, Kurdi, Othman|Osman|Uthman, Ibrahim, Khalil,
    Mustafa|Moustafa, Al-Hassan, Al-Mohammad|Al-Muhammad, Al-Abdullah, Al-Jasem|Al-Jassem|Al-Jasim,
    Al-Khalaf, Al-Saleh|Al-Salih, Al-Omar, Al-Hamad, Al-Issa|Al-Eisa, Shaheen|Shahin,
    Nasser|Nasr, Haj Ali, Kassem|Qasim|Kasem, Suleiman|Sulaiman|Soliman, Abboud|Aboud,
    Youssef|Yousef|Yusuf, Al-Sheikh|Sheikh, Al-Najjar|Najjar, Al-Halabi|Halabi,
    Al-Homsi|Homsi, Al-Masri|Masri, Hamdan, Al-Rifai|Rifai, Al-Zoubi|Al-Zubi|Zoubi,
    Al-Shami|Shami, Al-Kurdi, Hamada|Hamadeh, Al-Aswad, Mansour|Mansur, Al-Khaled|Khaled,
    Al-Hariri|Hariri, Qassab|Kassab, Al-Dakhil, Bakkour|Bakour, Al-Muhammad Ali"""),
    exponent=0.85,
    offset=8.0,
)
AF_M = Pool(
    _names("""Mohammad|Mohammed|Muhammad|Mohamad, Ahmad|Ahmed, Ali, Reza|Riza, Hamid,
    Jawad|Javad, Mustafa|Mostafa, Sayed|Sayyed|Seyed|Said, Hussain|Hossein|Hussein|Husain,
    Rahim, Farid, Naveed|Navid, Zabihullah|Zabiullah|Zabihollah, Rahmatullah|Rahmatollah,
    Sultan, Shafiq|Shafeeq, Ahmad Shah, Mohammad Nabi, Gul Ahmad, Esmatullah|Ismatullah,
    Nasrullah|Nasrollah, Samiullah|Sami Ullah, Naqibullah, Wahid|Waheed, Mujtaba|Mojtaba,
    Murtaza|Mortaza, Sajad|Sajjad, Omid|Umid, Ramin, Bilal, Haroon|Harun|Haroun, Idris|Edris,
    Yama, @, @, Qadir|Ghader, Jamshid|Jamshed, Karim, Fawad|Fuad, Nematullah|Nimatullah"""),
)
AF_F = Pool(
    _names("""Fatima|Fatema, Zahra|Zahara|Zehra, Maryam|Mariam, Marzia|Marziya, Habiba,
    Shabnam, Parwana|Parvaneh, Nilofar|Nilufar|Niloofar, Farzana, Soraya|Suraya,
    Sakina|Sakineh, Masooma|Masuma|Masoumeh, Roya, Mahsa, Nargis|Narges, Hakima, Zainab,
    Laila|Leila, Freshta|Fereshteh|Fereshta, Hamida, Malalai, Gulalai, Sima, Khadija,
    Nazanin, Shakila, Arezo|Arezoo, Hosna|Husna, Tahmina, Mursal"""),
)
AF_SUR = Pool(
    _names("""Ahmadi, Rahimi, Hussaini|Hosseini|Husaini, Mohammadi|Muhammadi, Karimi,
    Noori|Nouri|Nuri, Hakimi, Rezaei|Rezai|Rezayi, Sultani, Hashimi|Hashemi, Safi, Popal,
    Stanikzai|Stanekzai, Ahmadzai, Amiri, Jafari|Jaafari, Haidari|Heidari|Haydari, Sadat,
    Azizi, Habibi, Naderi, Qaderi|Ghaderi|Kaderi, Wardak, Yousufzai|Yusufzai, Khan, Mirzaei,
    Sharifi, Akbari, Nazari, Rasuli|Rasooli, Samadi, Popalzai, Barakzai, Durrani, Mohmand,
    Alizada|Alizadeh, Hassanzada|Hasanzadeh, Sediqi|Siddiqi, Faizi, Omari"""),
    offset=8.0,
)
ER_M = Pool(
    _names("""Yonas|Yonatan, Yohannes|Yohanes|Johannes|Yohanis, Tesfay|Tesfaye|Tesfai,
    Haile|Hailay|Hayle, Mehari|Mehary|Mhari, Dawit|Daniel, Samuel|Samiel, Filmon|Filimon,
    Robel|Rubel, Biniam|Biniyam|Bini, Michael|Mikael, Solomon|Selomon, Berhane|Berhani|Birhane,
    Kidane|Kidani, Teklay|Teklai|Tekley, Ghebremedhin|Gebremedhin, Habtom|Habtum,
    Mussie|Musie|Muse, Efrem|Ephrem, Amanuel|Emanuel, Tedros|Tewodros, Semere|Semre,
    Yemane|Yemani, Aron|Aaron, Natnael|Natnail, Henok|Henock, Kibrom|Kbrom|Kibrum,
    Goitom|Goytom, Zerai|Zeray, Tsegay|Tsegai|Tsegaye, Gebremariam|Ghebremariam|Gebre Mariam,
    Weldemichael|Woldemichael|Weldemikael, Tekle|Teklé, Negasi|Negassi, Ermias|Ermiyas,
    Medhanie|Medhane|Medhani, Abraham|Abrham, Fitsum|Fitsim, Asmerom|Asmarom,
    Habte|Habtay, Okbamichael|Okbamikael, Andemariam, Ghirmay|Girmay, Berhe|Berhe,
    Kahsay|Kahsai, Mebrahtu|Mebrahtom, Tewelde|Tewolde, Woldu|Weldu, Tesfamariam|Tesfamaryam"""),
    exponent=0.8,
)
ER_F = Pool(
    _names("""Helen|Hellen, Senait|Senayt, Saba, Selam|Selamawit, Rahel|Rahwa, Lidya|Lydia,
    Hiwet|Hewet, Yordanos|Yordanos, Feven|Fiven, Luwam|Luam, Winta|Wintana, Eden, Meron,
    Tsega|Tsige, Mebrat|Mebrhat, Azieb|Aziyeb, Freweini|Fruweini, Abeba|Ababa, Hanna|Hana,
    Ruth|Rut, Segen, Akberet|Akberit, Tirhas|Trhas, Ksanet|Kisanet, Semhar, Delina,
    Nebiat|Nebiyat, Yohana, Mhret|Mihret|Mehret, Rigat, Adiam, Almaz, Elsa, Senaid, Sara"""),
    exponent=0.8,
)
CN_FAMILY = Pool(
    [
        tuple(x.split(":"))
        for x in _words(
            """王:Wang 李:Li 张:Zhang 刘:Liu 陈:Chen 杨:Yang 黄:Huang 赵:Zhao
    吴:Wu 周:Zhou 徐:Xu 孙:Sun 马:Ma 朱:Zhu 胡:Hu 郭:Guo 何:He
    林:Lin 高:Gao 罗:Luo 郑:Zheng 梁:Liang 谢:Xie 宋:Song
    唐:Tang 许:Xu 邓:Deng 冯:Feng 韩:Han 曹:Cao 曾:Zeng 彭:Peng
    萧:Xiao 蔡:Cai 潘:Pan 田:Tian 董:Dong 袁:Yuan 于:Yu 余:Yu
    叶:Ye 蒋:Jiang 杜:Du 苏:Su 魏:Wei 程:Cheng 吕:Lyu 丁:Ding
    沈:Shen 任:Ren 姚:Yao 卢:Lu 傅:Fu 钟:Zhong 姜:Jiang 崔:Cui
    谭:Tan 陆:Lu 汪:Wang 范:Fan 金:Jin 石:Shi 廖:Liao 贾:Jia
    夏:Xia 韦:Wei 方:Fang 白:Bai 邹:Zou 孟:Meng 熊:Xiong 秦:Qin
    邱:Qiu 江:Jiang 尹:Yin 薛:Xue 闫:Yan 段:Duan 雷:Lei 侯:Hou
    龙:Long 史:Shi 陶:Tao 黎:Li 贺:He 顾:Gu 毛:Mao 郝:Hao 龚:Gong
    邵:Shao 万:Wan 钱:Qian 严:Yan 武:Wu 戴:Dai 莫:Mo 孔:Kong
    向:Xiang 汤:Tang"""
        )
    ],
    exponent=1.05,
)
CN_F_SYL = [
    tuple(x.split(":"))
    for x in _words(
        """丽:li 娜:na 静:jing 敏:min 燕:yan 艳:yan 芳:fang 霞:xia 红:hong
    梅:mei 玲:ling 婷:ting 雪:xue 慧:hui 洁:jie 琳:lin 颖:ying
    倩:qian 晶:jing 欣:xin 月:yue 萍:ping 秀:xiu 华:hua 英:ying
    兰:lan 凤:feng 佳:jia 小:xiao 晓:xiao 春:chun 美:mei 云:yun
    桂:gui 琴:qin"""
    )
]
CN_M_SYL = [
    tuple(x.split(":"))
    for x in _words(
        """伟:wei 强:qiang 磊:lei 军:jun 勇:yong 杰:jie 涛:tao 明:ming
    超:chao 刚:gang 平:ping 辉:hui 鹏:peng 华:hua 飞:fei 鑫:xin
    波:bo 斌:bin 宇:yu 浩:hao 凯:kai 健:jian 俊:jun 帆:fan
    帅:shuai 旭:xu 宁:ning 龙:long 林:lin 建:jian 国:guo 文:wen
    志:zhi 海:hai 东:dong 峰:feng 成:cheng 亮:liang 小:xiao"""
    )
]
VN_FAMILY = Pool(
    _names("""Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô,
    Dương, Lý, Trịnh, Đinh, Lâm, Mai, Tô, Hà, Tạ, Lương, Đoàn, Cao, Vương, Chu, Kiều, Thái,
    Quách, Triệu, La, Lưu, Tăng"""),
    # remembered shares: Nguyễn ~38 %, Trần ~11 %, Lê ~9.5 %, Phạm ~7 %, ...
    weights=[38, 11, 9.5, 7, 3, 2.1, 4.5, 2.4, 1.5, 2.1, 2, 1.4, 1.3, 1.3, 1] + [0.6] * 20,
)
VN_MIDDLE_M = Pool(_names("Văn, Văn, Văn, Đức, Hữu, Minh, Quang, Thanh, Công, Xuân, Ngọc"))
VN_MIDDLE_F = Pool(_names("Thị, Thị, Thị, Ngọc, Thu, Thanh, Kim, Minh, Hồng, Mỹ, Phương"))
VN_M = Pool(
    _names("""Anh, Hùng, Dũng, Tuấn, Minh, Nam, Hải, Long, Cường, Thắng, Sơn, Phong, Quân,
    Huy, Hiếu, Trung, Đức, Tùng, Hoàng, Khánh, Bình, Tâm, Phúc, Thành, Vinh, Lâm, Duy, Toàn,
    Tiến, Quang, Hưng, Kiên, Lộc, Nghĩa, Phát, Tài, Thịnh, Việt, Bảo, Khoa"""),
    exponent=0.8,
)
VN_F = Pool(
    _names("""Linh, Lan, Hương, Trang, Hoa, Mai, Thảo, Ngọc, Hạnh, Hằng, Nga, Hà, Thu, Phương,
    Yến, Nhung, Loan, Vân, Huyền, Dung, Tuyết, Nhi, Thủy, Oanh, Ly, Quỳnh, Hiền, Diệu, My, Anh,
    Trinh, Giang, Hồng, Liên, Tâm, Uyên, Vy, Xuân, Chi, Thư"""),
    exponent=0.8,
)
# East Slavic and Bulgarian names are kept in Cyrillic and transliterated per record.
UA_SUR = Pool(
    _names("""Шевченко, Коваленко, Бондаренко, Ткаченко, Кравченко, Олійник, Шевчук, Коваль,
    Поліщук, Бондар, Мельник, Ковальчук, Марченко, Лисенко, Руденко, Савченко, Петренко,
    Клименко, Павленко, Кравчук, Кузьменко, Пономаренко, Мороз, Левченко, Харченко, Карпенко,
    Романенко, Гончаренко, Юрченко, Панченко, Мельничук, Сидоренко, Ткачук, Поліщук, Гуменюк,
    Литвиненко, Захарченко, Гриценко, Онищенко, Яковенко, Бойко, Данилюк, Козак, Остапенко,
    Власенко, Тимошенко, Костенко, Демченко, Приходько, Дмитренко"""),
    _tail(
        "",
        """Кова, Сав, Мар, Лис, Руд, Пет, Клим, Пав, Кузь, Гон, Юр, Пан, Сид, Гриц, Ониш, Яков,
        Дан, Ост, Влас, Кост, Дем, Дми, Бор, Гор, Зін, Іван, Степ, Тар, Фед, Хом""",
        "енко, чук, юк, ук, ець, ишин, ський, ович",
        200,
    ),
    offset=8.0,
)
UA_F = Pool(
    _names("""Олена, Наталія, Тетяна, Юлія, Оксана, Ірина, Анастасія, Марія, Катерина,
    Світлана, Ганна, Вікторія, Людмила, Валентина, Галина, Надія, Любов, Інна, Ольга, Дарина,
    Аліна, Яна, Христина, Софія, Вероніка, Діана, Карина, Лілія, Ярослава, Олександра"""),
)
UA_M = Pool(
    _names("""Олександр, Андрій, Сергій, Дмитро, Володимир, Іван, Юрій, Микола, Віктор, Олег,
    Олексій, Максим, Василь, Петро, Богдан, Тарас, Роман, Ігор, Євген, Артем, Денис, Віталій,
    Михайло, Ярослав, Назар, Остап, Павло, Степан, Анатолій, Валерій"""),
)
RU_FORMS = {
    "Олександр": "Александр",
    "Андрій": "Андрей",
    "Сергій": "Сергей",
    "Дмитро": "Дмитрий",
    "Володимир": "Владимир",
    "Микола": "Николай",
    "Олена": "Елена",
    "Наталія": "Наталья",
    "Тетяна": "Татьяна",
    "Юлія": "Юлия",
    "Ірина": "Ирина",
    "Катерина": "Екатерина",
    "Світлана": "Светлана",
    "Анастасія": "Анастасия",
    "Марія": "Мария",
    "Ганна": "Анна",
    "Іван": "Иван",
    "Юрій": "Юрий",
    "Віктор": "Виктор",
    "Олексій": "Алексей",
    "Вікторія": "Виктория",
    "Галина": "Галина",
    "Надія": "Надежда",
    "Ольга": "Ольга",
    "Василь": "Василий",
    "Петро": "Пётр",
    "Ігор": "Игорь",
    "Євген": "Евгений",
    "Михайло": "Михаил",
    "Павло": "Павел",
    "Олександра": "Александра",
    "Софія": "София",
}
RU_SUR = Pool(
    _names("""Иванов, Смирнов, Кузнецов, Попов, Васильев, Петров, Соколов, Михайлов,
    Новиков, Фёдоров, Морозов, Волков, Алексеев, Лебедев, Семёнов, Егоров, Павлов, Козлов,
    Степанов, Николаев, Орлов, Андреев, Макаров, Никитин, Захаров, Зайцев, Соловьёв,
    Борисов, Яковлев, Григорьев, Романов, Воробьёв, Сергеев, Кузьмин, Фролов, Александров"""),
    offset=8.0,
)
RU_F = Pool(
    _names("""Елена, Ольга, Наталья, Татьяна, Ирина, Анна, Мария, Екатерина, Светлана,
    Юлия, Анастасия, Дарья, Ксения, Алина, Виктория, Кристина, Полина, Вера, Людмила, Галина"""),
)
RU_M = Pool(
    _names("""Александр, Сергей, Дмитрий, Андрей, Алексей, Максим, Евгений, Иван, Михаил,
    Николай, Владимир, Артём, Павел, Игорь, Роман, Денис, Олег, Виктор, Юрий, Никита"""),
)
BG_SUR = Pool(
    _names("""Иванов, Георгиев, Димитров, Петров, Николов, Христов, Стоянов, Тодоров,
    Илиев, Атанасов, Василев, Петков, Ангелов, Йорданов, Колев, Маринов, Стефанов, Костов,
    Попов, Михайлов, Кръстев, Симеонов, Асенов, Методиев, Юсеинов, Алиев, Костадинов,
    Русев, Киров, Янков, Митев, Цветков, Славов, Радев, Павлов, Добрев, Александров"""),
    offset=8.0,
)
BG_F = Pool(
    _names("""Мария, Иванка, Елена, Йорданка, Пенка, Десислава, Гергана, Виктория, Николета,
    Цветелина, Петя, Теодора, Силвия, Радка, Росица, Милена, Валентина, Даниела, Ивета,
    Светла, Анелия, Емилия, Красимира, Михаела, Габриела"""),
)
BG_M = Pool(
    _names("""Иван, Георги, Димитър, Петър, Христо, Николай, Стоян, Тодор, Васил, Атанас,
    Асен, Красимир, Емил, Йордан, Стефан, Калин, Любомир, Марин, Ангел, Веселин, Мехмед,
    Юсеин, Ахмед, Методи, Симеон"""),
)


def _abd(suffix: tuple[str, ...]) -> tuple[str, ...]:
    """All the ways "servant of X" is written: Abdulrahman, Abdul Rahman, Abd al-Rahman..."""
    x = suffix[0]
    low = x.lower()
    forms = [f"Abdul{low}", f"Abdul {x}", f"Abd al-{x}", f"Abdel{low}", f"Abd {x}", f"Abdel {x}"]
    if x[0] in "RSNZDT":  # sun letters: Abdurrahman, Abdussalam
        forms.append(f"Abdu{x[0].lower()}{low}")
    return tuple(forms)


# --------------------------------------------------------------------------------------
# Cyrillic transliteration: one table per convention, language aware

_CYR = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёыэъ",
        _words(
            """a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh shch _ iu ia e y e
    ie"""
        ),
        strict=True,
    )
)
_CYR["ь"] = ""
_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def _table(lang: str, system: str) -> tuple[dict[str, str], dict[str, str]]:
    t = dict(_CYR)
    initial: dict[str, str] = {}
    if lang != "uk":
        t.update({"г": "g", "и": "i", "й": "i", "ю": "iu", "я": "ia", "ъ": "ie"})
    if lang == "bg":
        t.update({"х": "h", "щ": "sht", "ъ": "a", "й": "y", "ю": "yu", "я": "ya", "ь": "y"})
    if system == "passport":
        if lang == "uk":
            initial = dict(_INITIAL)
        return t, initial
    if system == "english":
        t.update(
            {
                "й": "y",
                "ю": "yu",
                "я": "ya",
                "є": "ye",
                "ї": "yi",
                "ъ": "" if lang == "ru" else t["ъ"],
            }
        )
        if lang == "ru":
            initial = {"е": "ye", "ё": "yo"}
    elif system == "german":
        t.update(
            {
                "в": "w",
                "ж": "sch",
                "з": "s",
                "й": "j",
                "х": "ch",
                "ц": "z",
                "ч": "tsch",
                "ш": "sch",
                "щ": "schtsch",
                "ю": "ju",
                "я": "ja",
                "є": "je",
                "ї": "ji",
                "ё": "jo",
            }
        )
    elif system == "dutch":
        t.update(
            {
                "ж": "zj",
                "х": "ch",
                "ч": "tsj",
                "ш": "sj",
                "щ": "sjtsj",
                "ю": "joe",
                "я": "ja",
                "й": "j",
                "у": "oe",
                "є": "je",
                "ї": "ji",
                "ё": "jo",
            }
        )
    elif system == "french":
        t.update(
            {
                "ж": "j",
                "ч": "tch",
                "ш": "ch",
                "щ": "chtch",
                "у": "ou",
                "ю": "iou",
                "я": "ia",
                "й": "ï",
                "ё": "io",
            }
        )
    return t, initial


_TABLES = {
    (lang, system): _table(lang, system)
    for lang in ("uk", "ru", "bg")
    for system in ("passport", "english", "german", "dutch", "french")
}


def transliterate(text: str, lang: str, system: str) -> str:
    table, initial = _TABLES[(lang, system)]
    out = []
    start = True
    for char in text:
        low = char.lower()
        if low in table:
            latin = initial.get(low) if start else None
            latin = table[low] if latin is None else latin
            out.append(latin.capitalize() if char.isupper() else latin)
            start = False
        else:
            out.append(char)
            start = not char.isalpha()
    return "".join(out)


# --------------------------------------------------------------------------------------
# typing errors

_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
_NEAR: dict[str, str] = {}
for _r, _row in enumerate(_ROWS):
    for _c, _ch in enumerate(_row):
        near = [_row[i] for i in (_c - 1, _c + 1) if 0 <= i < len(_row)]
        for _other in (_r - 1, _r + 1):
            if 0 <= _other < 3:
                near += [_ROWS[_other][i] for i in (_c - 1, _c) if 0 <= i < len(_ROWS[_other])]
        _NEAR[_ch] = "".join(near)
_PHONETIC = [
    ("ij", "ei"),
    ("ei", "ij"),
    ("y", "ij"),
    ("ph", "f"),
    ("c", "k"),
    ("k", "c"),
    ("dt", "d"),
    ("ou", "au"),
    ("oe", "u"),
    ("u", "oe"),
    ("ch", "g"),
    ("sch", "s"),
    ("ie", "i"),
    ("i", "ie"),
    ("ee", "e"),
    ("tt", "t"),
    ("ll", "l"),
    ("ss", "s"),
    ("th", "t"),
    ("w", "v"),
    ("z", "s"),
    ("x", "ks"),
    ("ks", "x"),
    ("j", "y"),
    ("y", "j"),
    ("v", "f"),
    ("d", "t"),
    ("ai", "ay"),
    ("ah", "a"),
    ("a", "ah"),
    ("ou", "u"),
    ("kh", "h"),
    ("q", "k"),
    ("sh", "ch"),
    ("gh", "g"),
]
_OCR = [
    ("rn", "m"),
    ("m", "rn"),
    ("cl", "d"),
    ("d", "cl"),
    ("li", "h"),
    ("h", "li"),
    ("e", "c"),
    ("c", "e"),
    ("i", "l"),
    ("l", "i"),
    ("u", "v"),
    ("n", "ri"),
    ("O", "Q"),
]
_TYPO_KINDS = {
    "keyboard": 0.32,
    "phonetic": 0.28,
    "dropped": 0.12,
    "transposed": 0.1,
    "doubled": 0.1,
    "ocr": 0.08,
}


def _replace_once(rng: random.Random, text: str, pairs: list[tuple[str, str]]) -> str:
    options = [(a, b) for a, b in pairs if a in text]
    if not options:
        return text
    a, b = rng.choice(options)
    spots = [i for i in range(len(text)) if text.startswith(a, i)]
    i = rng.choice(spots)
    return text[:i] + b + text[i + len(a) :]


def typo(rng: random.Random, text: str, kind: str) -> str:
    if len(text) < 3:
        return text
    i = rng.randrange(1, len(text))  # first letter is usually right
    c = text[i]
    if kind == "keyboard" and c.lower() in _NEAR:
        new = rng.choice(_NEAR[c.lower()])
        return text[:i] + (new.upper() if c.isupper() else new) + text[i + 1 :]
    if kind == "phonetic":
        head, rest = text[:1], text[1:]
        return head + _replace_once(rng, rest, _PHONETIC)
    if kind == "ocr":
        return _replace_once(rng, text, _OCR)
    if kind == "transposed" and i < len(text) - 1 and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + c + text[i + 2 :]
    if kind == "doubled" and c.isalpha():
        return text[:i] + c + text[i:]
    if c.isalpha():  # dropped, or the fallback of a kind that did not apply
        return text[:i] + text[i + 1 :]
    return text


_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss", "ø": "o", "Ø": "O"}
)


def strip_diacritics(text: str) -> str:
    if any(
        "\u0400" <= ch <= "\u04ff" or ch >= "\u0600"
        for ch in text
        if ch < "\u1e00" or ch > "\u1eff"
    ):
        return text  # not Latin: leave alone
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def german_umlauts(text: str) -> str:
    for a, b in (("ö", "oe"), ("ü", "ue"), ("ä", "ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("Ä", "Ae")):
        text = text.replace(a, b)
    return text


def gendered(surname: str, sex: str, lang: str) -> str:
    """Female forms of Slavic surnames (Kowalski -> Kowalska, Иванов -> Иванова)."""
    if sex != "female":
        return surname
    if lang == "pl":
        for male, female in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
            if surname.endswith(male):
                return surname[: -len(male)] + female
        return surname
    for male, female in (
        ("ський", "ська"),
        ("цький", "цька"),
        ("ов", "ова"),
        ("ев", "ева"),
        ("ёв", "ёва"),
        ("ин", "ина"),
        ("ович", "ович"),
    ):
        if surname.endswith(male):
            return surname[: -len(male)] + female
    return surname


# --------------------------------------------------------------------------------------
# origins: share of persons, nationality, naming style and how they come to be registered

SEXUAL, LABOUR, CRIMINAL, ASYLUM, MINOR_ALONE = "sexual", "labour", "criminal", "asylum", "minor"
# share: persons. male: share male. minor: share registered as minors. documented: has an
# identity document the registrars can copy. alias: gives another identity to some source.
# family: share of persons registered together with a sibling/parent/child.
ORIGINS: dict[str, dict] = {
    "nl": dict(
        share=23,
        nat="NL",
        cob={"NL": 97, "BE": 1, "DE": 1, "": 1},
        male=0.22,
        minor=0.45,
        profiles={SEXUAL: 75, CRIMINAL: 20, LABOUR: 5},
        documented=1.0,
        alias=0.04,
        family=0.10,
        alt={},
    ),
    "nl_ma": dict(
        share=3.5,
        nat="NL",
        cob={"NL": 90, "MA": 10},
        male=0.45,
        minor=0.45,
        profiles={SEXUAL: 55, CRIMINAL: 40, LABOUR: 5},
        documented=1.0,
        alias=0.06,
        family=0.12,
        alt={"MA": 0.12},
    ),
    "nl_tr": dict(
        share=2,
        nat="NL",
        cob={"NL": 90, "TR": 10},
        male=0.3,
        minor=0.35,
        profiles={SEXUAL: 70, CRIMINAL: 20, LABOUR: 10},
        documented=1.0,
        alias=0.04,
        family=0.1,
        alt={"TR": 0.12},
    ),
    "nl_cs": dict(
        share=3.5,
        nat="NL",
        cob={"NL": 60, "SR": 15, "CW": 20, "AW": 5},
        male=0.3,
        minor=0.4,
        profiles={SEXUAL: 70, CRIMINAL: 25, LABOUR: 5},
        documented=1.0,
        alias=0.05,
        family=0.1,
        alt={"SR": 0.04},
    ),
    "ng": dict(
        share=7,
        nat="NG",
        cob={"NG": 100},
        male=0.12,
        minor=0.08,
        profiles={SEXUAL: 60, ASYLUM: 35, LABOUR: 5},
        documented=0.45,
        alias=0.25,
        family=0.05,
        alt={"GH": 0.02, "LR": 0.01, "SL": 0.01},
    ),
    "ro": dict(
        share=6,
        nat="RO",
        cob={"RO": 100},
        male=0.45,
        minor=0.1,
        profiles={SEXUAL: 45, LABOUR: 35, CRIMINAL: 20},
        documented=0.9,
        alias=0.08,
        family=0.2,
        alt={"MD": 0.02, "BG": 0.01},
    ),
    "pl": dict(
        share=5,
        nat="PL",
        cob={"PL": 100},
        male=0.65,
        minor=0.03,
        profiles={LABOUR: 75, SEXUAL: 20, CRIMINAL: 5},
        documented=0.92,
        alias=0.03,
        family=0.1,
        alt={},
    ),
    "bg": dict(
        share=3.5,
        nat="BG",
        cob={"BG": 100},
        male=0.45,
        minor=0.1,
        profiles={SEXUAL: 50, LABOUR: 40, CRIMINAL: 10},
        documented=0.9,
        alias=0.08,
        family=0.2,
        alt={"TR": 0.02, "RO": 0.01},
    ),
    "hu": dict(
        share=3,
        nat="HU",
        cob={"HU": 100},
        male=0.35,
        minor=0.08,
        profiles={SEXUAL: 70, LABOUR: 30},
        documented=0.92,
        alias=0.05,
        family=0.12,
        alt={"SK": 0.02, "RO": 0.01},
    ),
    "ua": dict(
        share=5.5,
        nat="UA",
        cob={"UA": 95, "RU": 5},
        male=0.25,
        minor=0.1,
        profiles={SEXUAL: 40, LABOUR: 40, ASYLUM: 20},
        documented=0.92,
        alias=0.03,
        family=0.15,
        alt={"RU": 0.02},
    ),
    "ru": dict(
        share=1,
        nat="RU",
        cob={"RU": 85, "BY": 10, "UA": 5},
        male=0.2,
        minor=0.05,
        profiles={SEXUAL: 70, LABOUR: 30},
        documented=0.85,
        alias=0.08,
        family=0.05,
        alt={"BY": 0.03, "UA": 0.02},
    ),
    "vn": dict(
        share=4,
        nat="VN",
        cob={"VN": 100},
        male=0.55,
        minor=0.45,
        profiles={CRIMINAL: 45, MINOR_ALONE: 20, SEXUAL: 20, LABOUR: 15},
        documented=0.35,
        alias=0.2,
        family=0.05,
        alt={"CN": 0.02},
    ),
    "cn": dict(
        share=3,
        nat="CN",
        cob={"CN": 100},
        male=0.4,
        minor=0.05,
        profiles={SEXUAL: 55, LABOUR: 45},
        documented=0.4,
        alias=0.2,
        family=0.03,
        alt={"HK": 0.01, "TW": 0.01},
    ),
    "er": dict(
        share=4,
        nat="ER",
        cob={"ER": 85, "ET": 10, "SD": 5},
        male=0.55,
        minor=0.3,
        profiles={ASYLUM: 70, MINOR_ALONE: 20, LABOUR: 10},
        documented=0.2,
        alias=0.05,
        family=0.12,
        alt={"ET": 0.1},
    ),
    "ma": dict(
        share=2.5,
        nat="MA",
        cob={"MA": 100},
        male=0.55,
        minor=0.25,
        profiles={CRIMINAL: 40, ASYLUM: 30, SEXUAL: 20, LABOUR: 10},
        documented=0.5,
        alias=0.15,
        family=0.08,
        alt={"DZ": 0.05, "TN": 0.02},
    ),
    "sy": dict(
        share=3,
        nat="SY",
        cob={"SY": 90, "LB": 4, "JO": 3, "TR": 3},
        male=0.55,
        minor=0.2,
        profiles={ASYLUM: 70, LABOUR: 20, SEXUAL: 10},
        documented=0.55,
        alias=0.05,
        family=0.2,
        alt={"PS": 0.04, "IQ": 0.02},
    ),
    "af": dict(
        share=3,
        nat="AF",
        cob={"AF": 70, "IR": 25, "PK": 5},
        male=0.75,
        minor=0.35,
        profiles={ASYLUM: 55, MINOR_ALONE: 35, LABOUR: 10},
        documented=0.25,
        alias=0.06,
        family=0.15,
        alt={"IR": 0.06, "PK": 0.02},
    ),
    "la": dict(
        share=3,
        nat="CO",
        cob={},
        male=0.2,
        minor=0.03,
        profiles={SEXUAL: 80, LABOUR: 20},
        documented=0.85,
        alias=0.1,
        family=0.05,
        alt={"VE": 0.04, "ES": 0.03},
    ),
    "br": dict(
        share=2,
        nat="BR",
        cob={"BR": 100},
        male=0.3,
        minor=0.02,
        profiles={SEXUAL: 70, LABOUR: 30},
        documented=0.9,
        alias=0.1,
        family=0.05,
        alt={"PT": 0.05, "IT": 0.02},
    ),
    "ph": dict(
        share=2,
        nat="PH",
        cob={"PH": 100},
        male=0.35,
        minor=0.02,
        profiles={LABOUR: 80, SEXUAL: 20},
        documented=0.85,
        alias=0.03,
        family=0.05,
        alt={},
    ),
    "in": dict(
        share=2.5,
        nat="IN",
        cob={"IN": 100},
        male=0.8,
        minor=0.03,
        profiles={LABOUR: 90, SEXUAL: 10},
        documented=0.6,
        alias=0.05,
        family=0.08,
        alt={"PK": 0.01},
    ),
    "wa": dict(
        share=3,
        nat="GN",
        cob={},
        male=0.45,
        minor=0.2,
        profiles={ASYLUM: 50, SEXUAL: 35, MINOR_ALONE: 15},
        documented=0.3,
        alias=0.15,
        family=0.06,
        alt={"SL": 0.05, "ML": 0.03, "CI": 0.03, "SN": 0.02},
    ),
    "tr": dict(
        share=1,
        nat="TR",
        cob={"TR": 100},
        male=0.3,
        minor=0.03,
        profiles={SEXUAL: 50, LABOUR: 50},
        documented=0.9,
        alias=0.05,
        family=0.08,
        alt={"BG": 0.02},
    ),
}
# nationalities within the Latin American and West African groups
LA_NATS = {"CO": 40, "VE": 20, "DO": 20, "PE": 5, "EC": 5, "PY": 5, "HN": 5}
WA_NATS = {"GN": 55, "SL": 35, "ML": 5, "CI": 5}

# source weights per profile (who registers such a person); minors get youth care
PROFILE_SOURCES = {
    "nl_minor": {
        "youth_care": 5,
        "police": 4,
        "veilig_thuis": 3,
        "municipality": 1.5,
        "care_coordinator": 2,
        "shelter": 1.5,
        "outreach": 0.2,
    },
    "nl_adult": {
        "police": 4,
        "care_coordinator": 3,
        "shelter": 2.5,
        "municipality": 1.5,
        "veilig_thuis": 1,
        "outreach": 1,
        "fairwork": 0.3,
    },
    SEXUAL: {
        "police": 4,
        "shelter": 3,
        "kmar": 1.5,
        "care_coordinator": 2,
        "outreach": 2.5,
        "ind": 1.2,
        "coa": 0.8,
        "municipality": 0.7,
        "fairwork": 0.6,
    },
    LABOUR: {
        "fairwork": 4,
        "labour_inspectorate": 4,
        "police": 2,
        "shelter": 1,
        "municipality": 1.5,
        "care_coordinator": 1,
        "kmar": 0.5,
    },
    ASYLUM: {
        "ind": 5,
        "coa": 4,
        "police": 2,
        "shelter": 1,
        "care_coordinator": 1,
        "municipality": 1,
        "kmar": 0.8,
    },
    CRIMINAL: {
        "police": 5,
        "kmar": 2,
        "youth_care": 2,
        "ind": 1.5,
        "coa": 1.5,
        "shelter": 1,
        "care_coordinator": 0.8,
    },
    MINOR_ALONE: {"coa": 4, "ind": 4, "youth_care": 3, "police": 3, "kmar": 1},
}
COUNTS = {1: 60, 2: 20, 3: 10, 4: 5, 5: 2.5, 6: 1.3, 7: 0.7, 8: 0.5}
COUNTS_MANY = {1: 42, 2: 25, 3: 15, 4: 8, 5: 5, 6: 2.5, 7: 1.5, 8: 1}

# Per source. doc: works from an identity document when there is one. caps: all capitals.
# typo: a typing error in a name. first: only the first given name. call: call name.
# alias: uses the alias when the person has one. strip: loses diacritics. swap: given and
# surname swapped. copy: copies an earlier registration of the same person. date: scale of
# date errors. year: year only. Missing: dob, sex, nat, cob, given, sur.
_S = dict(
    doc=0.4,
    caps=0.05,
    typo=0.04,
    first=0.35,
    call=0.4,
    alias=0.05,
    strip=0.5,
    swap=0.02,
    copy=0.05,
    date=1.0,
    year=0.01,
    dob=0.03,
    sex=0.02,
    nat=0.1,
    cob=0.5,
    given=0.003,
    sur=0.01,
    native=0.01,
    wrong_sex=0.004,
)
SOURCES: dict[str, dict[str, float]] = {
    "police": {
        **_S,
        "doc": 0.45,
        "caps": 0.15,
        "first": 0.3,
        "alias": 0.45,
        "nat": 0.12,
        "cob": 0.5,
        "swap": 0.03,
        "native": 0.02,
    },
    "kmar": {
        **_S,
        "doc": 0.8,
        "caps": 0.6,
        "typo": 0.02,
        "first": 0.1,
        "call": 0.0,
        "alias": 0.3,
        "strip": 0.9,
        "date": 0.3,
        "dob": 0.01,
        "sex": 0.005,
        "nat": 0.03,
        "cob": 0.3,
        "native": 0.0,
    },
    "ind": {
        **_S,
        "doc": 0.35,
        "caps": 0.2,
        "typo": 0.02,
        "first": 0.05,
        "call": 0.0,
        "alias": 0.2,
        "strip": 0.6,
        "date": 0.5,
        "dob": 0.0,
        "sex": 0.002,
        "nat": 0.02,
        "cob": 0.05,
        "sur": 0.02,
    },
    "coa": {
        **_S,
        "doc": 0.3,
        "caps": 0.1,
        "typo": 0.03,
        "first": 0.15,
        "call": 0.05,
        "alias": 0.2,
        "copy": 0.6,
        "dob": 0.01,
        "nat": 0.03,
        "cob": 0.2,
    },
    "youth_care": {
        **_S,
        "doc": 0.6,
        "caps": 0.02,
        "typo": 0.03,
        "first": 0.6,
        "call": 0.7,
        "alias": 0.03,
        "strip": 0.3,
        "copy": 0.1,
        "date": 0.7,
        "dob": 0.02,
        "nat": 0.3,
        "cob": 0.7,
    },
    "veilig_thuis": {
        **_S,
        "doc": 0.3,
        "caps": 0.02,
        "typo": 0.05,
        "first": 0.7,
        "call": 0.8,
        "date": 2.0,
        "year": 0.05,
        "dob": 0.15,
        "sex": 0.05,
        "nat": 0.5,
        "cob": 0.8,
        "sur": 0.06,
        "given": 0.01,
    },
    "shelter": {
        **_S,
        "doc": 0.4,
        "typo": 0.04,
        "first": 0.4,
        "call": 0.6,
        "copy": 0.2,
        "nat": 0.05,
        "cob": 0.4,
    },
    "fairwork": {
        **_S,
        "doc": 0.25,
        "typo": 0.08,
        "first": 0.5,
        "call": 0.3,
        "strip": 0.7,
        "date": 2.0,
        "year": 0.08,
        "dob": 0.12,
        "sex": 0.04,
        "nat": 0.08,
        "cob": 0.7,
        "sur": 0.05,
    },
    "labour_inspectorate": {
        **_S,
        "doc": 0.6,
        "caps": 0.35,
        "first": 0.2,
        "call": 0.1,
        "alias": 0.1,
        "strip": 0.7,
        "dob": 0.05,
        "nat": 0.05,
        "cob": 0.6,
    },
    "municipality": {
        **_S,
        "doc": 0.85,
        "caps": 0.0,
        "typo": 0.01,
        "first": 0.0,
        "call": 0.0,
        "alias": 0.05,
        "strip": 0.1,
        "swap": 0.003,
        "copy": 0.25,
        "date": 0.2,
        "year": 0.0,
        "dob": 0.0,
        "sex": 0.0,
        "nat": 0.03,
        "cob": 0.02,
        "sur": 0.0,
        "given": 0.0,
        "native": 0.0,
        "wrong_sex": 0.001,
    },
    "care_coordinator": {
        **_S,
        "doc": 0.3,
        "typo": 0.05,
        "first": 0.5,
        "call": 0.7,
        "copy": 0.3,
        "date": 1.5,
        "year": 0.05,
        "dob": 0.08,
        "sex": 0.03,
        "nat": 0.15,
        "cob": 0.7,
        "sur": 0.03,
    },
    "outreach": {
        **_S,
        "doc": 0.05,
        "typo": 0.06,
        "first": 0.9,
        "call": 0.9,
        "alias": 0.5,
        "strip": 0.8,
        "date": 2.0,
        "year": 0.2,
        "dob": 0.4,
        "sex": 0.02,
        "nat": 0.2,
        "cob": 0.9,
        "sur": 0.3,
        "native": 0.0,
    },
}


# --------------------------------------------------------------------------------------
# identities (a name as it stands in the person's own papers, plus what varies around it)


@dataclass
class Identity:
    origin: str
    sex: str
    given: list[tuple[str, ...]]  # each name with its spelling variants
    surname: tuple[str, ...]
    doc: list[int] = field(default_factory=list)  # document spelling per given name
    sdoc: int = 0
    prefix: str = ""  # Dutch voorvoegsel
    second: tuple[str, ...] = ()  # second surname / mother's surname / grandfather
    call: str = ""
    married: str = ""
    patronymic: str = ""
    lang: str = ""  # uk/ru/bg for Cyrillic
    layout: str = ""  # Sikh passport layout
    hanzi: tuple[str, str] = ("", "")
    documented: bool = True
    doc_dob: tuple[int, int, int] | None = None


def _spelling(rng: random.Random, forms: tuple[str, ...]) -> int:
    return 0 if len(forms) == 1 or rng.random() < 0.5 else rng.randrange(len(forms))


def _pick_name(rng: random.Random, pool: Pool) -> tuple[str, ...]:
    name = pool.pick(rng)
    if name == ("@",):
        name = _abd(rng.choice(ABD_SUFFIX))
    return name


def make_identity(rng: random.Random, origin: str, sex: str) -> Identity:
    male = sex == "male"
    sur: tuple[str, ...]
    ident: Identity
    if origin == "nl":
        if rng.random() < 0.3:  # official names from family tradition, call name differs
            given = rng.sample(NL_M_OFFICIAL if male else NL_F_OFFICIAL, rng.choice((1, 2, 2, 3)))
            options = CALL_NAMES.get(given[0][0])
            call = (
                rng.choice(options)
                if options
                else (NL_M_MODERN if male else NL_F_MODERN).pick(rng)[0]
            )
        else:
            given = [(NL_M_MODERN if male else NL_F_MODERN).pick(rng)]
            if rng.random() < 0.55:
                given += rng.sample(NL_M_OFFICIAL if male else NL_F_OFFICIAL, rng.choice((1, 1, 2)))
            options = CALL_NAMES.get(given[0][0])
            call = rng.choice(options) if options and rng.random() < 0.5 else given[0][0]
        full = NL_SUR.pick(rng)[0]
        prefix, _, core = full.rpartition(" ") if full[0].islower() else ("", "", full)
        ident = Identity(origin, sex, given, (core,), prefix=prefix, call=call)
    elif origin in ("nl_ma", "ma"):
        pool = MA_M if male else MA_F
        given = [_pick_name(rng, pool)]
        if origin == "ma" and male and rng.random() < 0.2:
            given.append(_pick_name(rng, pool))
        ident = Identity(origin, sex, given, MA_SUR.pick(rng))
    elif origin in ("nl_tr", "tr"):
        given = [(TR_M if male else TR_F).pick(rng)]
        if rng.random() < 0.25:
            given.append((TR_M if male else TR_F).pick(rng))
        ident = Identity(origin, sex, given, TR_SUR.pick(rng))
    elif origin == "nl_cs":
        given = [(CS_M if male else CS_F).pick(rng)]
        if rng.random() < 0.4:
            given.append((NL_M_MODERN if male else NL_F_MODERN).pick(rng))
        ident = Identity(origin, sex, given, CS_SUR.pick(rng))
        if ident.surname[0][0].islower():
            ident.prefix, _, core = ident.surname[0].rpartition(" ")
            ident.surname = (core,)
    elif origin == "ng":
        if male:
            given = [NG_M.pick(rng)] + ([NG_M.pick(rng)] if rng.random() < 0.4 else [])
        else:
            english, native = NG_F_EN.pick(rng), NG_F_NAT.pick(rng)
            r = rng.random()
            given = (
                [english, native]
                if r < 0.45
                else [native, english]
                if r < 0.65
                else [english if r < 0.85 else native]
            )
        ident = Identity(origin, sex, given, NG_SUR.pick(rng))
        ident.call = ident.given[-1][0] if len(given) > 1 and rng.random() < 0.4 else ""
    elif origin in ("ro", "pl", "hu", "tr"):
        pools = {"ro": (RO_M, RO_F, RO_SUR), "pl": (PL_M, PL_F, PL_SUR), "hu": (HU_M, HU_F, HU_SUR)}
        m_pool, f_pool, s_pool = pools[origin]
        given = [(m_pool if male else f_pool).pick(rng)]
        if rng.random() < (0.35 if origin == "ro" else 0.15):
            given.append((m_pool if male else f_pool).pick(rng))
        sur = s_pool.pick(rng)
        if origin == "pl":
            sur = tuple(gendered(s, sex, "pl") for s in sur)
        ident = Identity(origin, sex, given, sur)
    elif origin in ("ua", "ru", "bg"):
        pools = {
            "ua": (UA_M, UA_F, UA_SUR, "uk"),
            "ru": (RU_M, RU_F, RU_SUR, "ru"),
            "bg": (BG_M, BG_F, BG_SUR, "bg"),
        }
        m_pool, f_pool, s_pool, lang = pools[origin]
        father = m_pool.pick(rng)[0]
        if father.endswith("ър"):
            father = father[:-2] + "р"
        if lang == "bg":  # Bulgarian: father's name as middle name, -ов/-ова
            patronymic = gendered(father + ("ов" if father[-1] not in "ьйиая" else "ев"), sex, "bg")
        elif lang == "uk":
            stem = father[:-1] if father[-1] in "йь" else father
            patronymic = stem + ("ович" if male else "івна")
        elif father.endswith("ий"):
            patronymic = father[:-2] + ("ьевич" if male else "ьевна")
        else:
            stem = father[:-1] if father[-1] in "йь" else father
            patronymic = stem + ("ович" if male else "овна")
        ident = Identity(
            origin,
            sex,
            [(m_pool if male else f_pool).pick(rng)],
            (gendered(s_pool.pick(rng)[0], sex, lang),),
            patronymic=patronymic,
            lang=lang,
        )
    elif origin == "vn":
        middle = (VN_MIDDLE_M if male else VN_MIDDLE_F).pick(rng)[0]
        name = (VN_M if male else VN_F).pick(rng)[0]
        ident = Identity(origin, sex, [(middle,), (name,)], VN_FAMILY.pick(rng))
    elif origin == "cn":
        family = CN_FAMILY.pick(rng)
        syllables = rng.sample(CN_M_SYL if male else CN_F_SYL, 1 if rng.random() < 0.3 else 2)
        pinyin = "".join(s[1] for s in syllables)
        split = " ".join(s[1].capitalize() for s in syllables)
        hyphen = "-".join(s[1] for s in syllables).capitalize()
        given = (
            (pinyin.capitalize(), split, hyphen) if len(syllables) > 1 else (pinyin.capitalize(),)
        )
        ident = Identity(
            origin,
            sex,
            [given],
            (family[1] if family[1] != "Lyu" else "Lyu",)
            + (("Lu", "Lv") if family[1] == "Lyu" else ()),
        )
        ident.hanzi = (family[0], "".join(s[0] for s in syllables))
        ident.doc = [0]
    elif origin == "er":
        ident = Identity(
            origin, sex, [(ER_M if male else ER_F).pick(rng)], ER_M.pick(rng), second=ER_M.pick(rng)
        )
    elif origin in ("sy", "af"):
        m_pool, f_pool, s_pool = (SY_M, SY_F, SY_SUR) if origin == "sy" else (AF_M, AF_F, AF_SUR)
        given = [_pick_name(rng, m_pool if male else f_pool)]
        if origin == "sy" and rng.random() < 0.15:
            given.append(_pick_name(rng, SY_M))  # father's name as second given name
        no_family_name = origin == "af" and rng.random() < 0.45  # father's name instead
        sur = _pick_name(rng, AF_M) if no_family_name else s_pool.pick(rng)
        ident = Identity(origin, sex, given, sur)
    elif origin == "la":
        given = [(LA_M if male else LA_F).pick(rng)]
        ident = Identity(origin, sex, given, LA_SUR.pick(rng), second=LA_SUR.pick(rng))
    elif origin == "br":
        given = [(BR_M if male else BR_F).pick(rng)]
        ident = Identity(origin, sex, given, BR_SUR.pick(rng), second=BR_SUR.pick(rng))
    elif origin == "ph":
        given = [(PH_M if male else PH_F).pick(rng)]
        ident = Identity(origin, sex, given, PH_SUR.pick(rng), second=PH_SUR.pick(rng))
        ident.call = given[0][0].split()[-1] if " " in given[0][0] else ""
    elif origin == "in":
        if rng.random() < 0.6:  # Sikh (Punjab): Singh/Kaur plus often a clan name
            ident = Identity(
                origin,
                sex,
                [SIKH_GIVEN.pick(rng)],
                SIKH_CLAN.pick(rng),
                second=("Singh",) if male else ("Kaur",),
            )
            ident.layout = _choice(rng, {"A": 45, "B": 30, "C": 25})
        else:
            ident = Identity(origin, sex, [(IN_M if male else IN_F).pick(rng)], IN_SUR.pick(rng))
    else:  # wa: Guinea, Sierra Leone and neighbours
        given = [(WA_M if male else WA_F).pick(rng)]
        if rng.random() < 0.2:
            given.append((WA_M if male else WA_F).pick(rng))
        ident = Identity(origin, sex, given, WA_SUR.pick(rng))
    if origin != "vn" and len(ident.given) > 1 and ident.given[0] == ident.given[1]:
        del ident.given[1]  # "Maria Maria": drawn twice
    if not ident.doc:
        ident.doc = [_spelling(rng, g) for g in ident.given]
    ident.sdoc = _spelling(rng, ident.surname)
    return ident


def relative(rng: random.Random, parent: Identity, sex: str, kind: str) -> Identity:
    """A sibling or child: new given names, the family's surname (as that culture passes it)."""
    new = make_identity(rng, parent.origin, sex)
    while parent.origin == "in" and bool(new.layout) != bool(parent.layout):
        new = make_identity(rng, parent.origin, sex)
    if parent.origin == "er" and kind == "child" and parent.sex == "female":
        pass  # the child carries its father's name, not the mother's
    elif parent.origin == "er" and kind == "child":
        new.surname, new.sdoc, new.second = parent.given[0], parent.doc[0], parent.surname
    elif parent.origin == "er" or (parent.origin == "af" and parent.surname in AF_M.items):
        new.surname, new.sdoc, new.second = parent.surname, parent.sdoc, parent.second
    elif parent.lang:
        base = parent.surname[0]
        if parent.sex == "female" and base.endswith("а") and not base.endswith("ська"):
            base = base[:-1]
        elif base.endswith("ська"):
            base = base[:-4] + "ський"
        new.surname = (gendered(base, sex, parent.lang),)
        if kind == "sibling":
            new.patronymic = parent.patronymic
            if sex != parent.sex:
                new.patronymic = (
                    parent.patronymic.replace("івна", "ович").replace("овна", "ович")
                    if sex == "male"
                    else parent.patronymic.replace(
                        "ович", "івна" if parent.lang == "uk" else "овна"
                    )
                )
    elif parent.origin == "pl":
        base = parent.surname[0]
        if base.endswith(("ska", "cka", "dzka")):
            base = base[:-1] + "i"
        new.surname, new.sdoc = (gendered(base, sex, "pl"),), 0
    elif parent.origin == "vn" or parent.origin == "cn":
        new.surname, new.sdoc = parent.surname, parent.sdoc
        if parent.origin == "cn":
            new.hanzi = (parent.hanzi[0], new.hanzi[1])
    elif parent.origin == "in" and parent.layout:
        new.surname, new.sdoc, new.layout = parent.surname, parent.sdoc, parent.layout
        new.second = ("Singh",) if sex == "male" else ("Kaur",)
    elif parent.origin in ("la", "br") and kind == "child":
        if parent.sex == "male":
            new.surname, new.sdoc = parent.surname, parent.sdoc
        else:
            new.second = parent.surname
    else:
        new.surname, new.sdoc, new.prefix = parent.surname, parent.sdoc, parent.prefix
        if kind == "sibling" and parent.origin in ("la", "br", "ph"):
            new.second = parent.second
    if kind == "child" and sex == parent.sex and rng.random() < 0.12:
        new.given[0], new.doc[0] = parent.given[0], parent.doc[0]  # named after the parent
        if parent.origin == "nl":
            new.call = parent.call if rng.random() < 0.3 else new.call
    return new


# --------------------------------------------------------------------------------------
# rendering one registration

SYSTEMS = {"passport": 40, "english": 25, "german": 12, "dutch": 15, "french": 8}
UNFAMILIAR = {"ng", "vn", "cn", "er", "wa", "af", "in"}


def _form(
    rng: random.Random,
    forms: tuple[str, ...],
    doc: int,
    faithful: bool,
    kinds: set[str],
    rate: float = 0.4,
) -> str:
    if faithful or len(forms) == 1 or rng.random() >= rate:
        return forms[doc]
    other = rng.randrange(len(forms))
    if other != doc:
        kinds.add("spelling_variant")
    return forms[other]


def _article(rng: random.Random, surname: str, kinds: set[str]) -> str:
    """Arabic al-/El: kept, spaced, joined, dropped, inverted."""
    for art in ("Al-", "El-", "El ", "Al "):
        if surname.startswith(art) and len(surname) > len(art) + 2:
            rest = surname[len(art) :]
            kinds.add("article_variant")
            return rng.choice(
                [
                    f"Al {rest}",
                    f"Al{rest.lower()}",
                    rest,
                    f"El-{rest}",
                    f"al-{rest}",
                    f"{rest}, Al",
                    f"El{rest.lower()}",
                ]
            )
    return surname


def _dutch_surname(rng, ident: Identity, faithful: bool, kinds: set[str]) -> str:
    core, prefix = ident.surname[0], ident.prefix
    if ident.married and not faithful and rng.random() < 0.5:
        kinds.add("married_name")
        own = f"{prefix} {core}".strip()
        return rng.choice([f"{ident.married}-{own}", f"{own}-{ident.married}", ident.married])
    if not prefix:
        return core
    if faithful:
        return f"{prefix} {core}"
    r = rng.random()
    if r < 0.07:
        kinds.add("prefix_inverted")
        return f"{core}, {prefix}"
    if r < 0.15:
        kinds.add("prefix_dropped")
        return core
    if r < 0.19:
        kinds.add("prefix_merged")
        return rng.choice(
            [
                prefix.replace(" ", "").capitalize() + core.lower(),
                prefix.title().replace(" ", "") + core,
                f"{prefix.title()} {core}",
            ]
        )
    if r < 0.22:
        kinds.add("prefix_abbreviated")
        return "".join(p[0] + "." for p in prefix.split() if p[0] != "'") + f" {core}"
    if r < 0.3:
        return f"{prefix[0].upper()}{prefix[1:]} {core}"
    return f"{prefix} {core}"


def render_name(
    rng: random.Random, ident: Identity, src: dict[str, float], faithful: bool, kinds: set[str]
) -> tuple[list[str], str]:
    o = ident.origin
    given = [_form(rng, g, d, faithful, kinds) for g, d in zip(ident.given, ident.doc, strict=True)]
    surname = _form(rng, ident.surname, ident.sdoc, faithful, kinds)
    native = rng.random() < src["native"]
    if o in ("nl", "nl_cs"):
        surname = _dutch_surname(rng, ident, faithful, kinds)
    elif o in ("ma", "nl_ma", "sy", "af") and not faithful and rng.random() < 0.35:
        surname = _article(rng, surname, kinds)
    elif o in ("tr", "nl_tr") and not faithful and rng.random() < 0.04:
        given, surname = [german_umlauts(g) for g in given], german_umlauts(surname)
        kinds.add("transliteration")
    elif o == "hu" and not faithful and rng.random() < 0.08:
        given, surname = [surname], " ".join(given)
        kinds.add("name_order")
    elif ident.lang:
        if native:
            kinds.add("native_script")
            given = [g[0] for g in ident.given]
            surname = ident.surname[0]
        else:
            if ident.lang == "uk" and not faithful and rng.random() < 0.1:
                given = [RU_FORMS.get(g[0], g[0]) for g in ident.given]
                if given != [g[0] for g in ident.given]:
                    kinds.add("russian_name_form")
            else:
                given = [g[0] for g in ident.given]
            system = "passport" if faithful else _choice(rng, SYSTEMS)
            lang = "ru" if "russian_name_form" in kinds else ident.lang
            out = [transliterate(g, lang, system) for g in given]
            sur = transliterate(ident.surname[0], ident.lang, system)
            if (out, sur) != (
                [transliterate(g[0], ident.lang, "passport") for g in ident.given],
                transliterate(ident.surname[0], ident.lang, "passport"),
            ):
                kinds.add("transliteration")
            given, surname = out, sur
        if not faithful and rng.random() < (0.25 if ident.lang == "bg" else 0.12):
            kinds.add("patronymic_as_given")
            given = [
                *given,
                ident.patronymic
                if native
                else transliterate(
                    ident.patronymic, ident.lang, "passport" if faithful else "english"
                ),
            ]
        if ident.sex == "female" and not faithful and rng.random() < 0.03:
            base = ident.surname[0]
            if base.endswith(("ова", "ева", "ина")):
                kinds.add("surname_gender_form")
                surname = transliterate(base[:-1], ident.lang, "english")
    elif o == "cn":
        if native:
            kinds.add("native_script")
            given, surname = [ident.hanzi[1]], ident.hanzi[0]
        elif not faithful:
            r = rng.random()
            if r < 0.12:
                kinds.add("name_order")
                given, surname = [surname], given[0]
            elif r < 0.16:
                kinds.add("full_name_one_field")
                given, surname = [f"{surname} {given[0]}"], ""
            elif r < 0.2 and src["alias"] >= 0.3:
                kinds.add("western_name")
                given = [
                    rng.choice(["Lily", "Linda", "Coco", "Amy", "Jenny", "Tony", "Kevin", "Jack"])
                ]
    elif o == "vn":
        middle, name = given
        if not faithful:
            r = rng.random()
            if r < 0.2:
                kinds.add("middle_dropped")
                given = [name]
            elif r < 0.27:
                kinds.add("middle_in_surname")
                given, surname = [name], f"{surname} {middle}"
            elif r < 0.35:
                kinds.add("name_order")
                given, surname = [surname], f"{middle} {name}"
            elif r < 0.38:
                kinds.add("full_name_one_field")
                given, surname = [f"{surname} {middle} {name}"], ""
    elif o == "er":
        grandfather = _form(rng, ident.second, 0, faithful, kinds)
        if not faithful:
            r = rng.random()
            if r < 0.06:
                kinds.add("grandfather_as_surname")
                surname = grandfather
            elif r < 0.14:
                kinds.add("father_in_given")
                given, surname = [*given, surname], grandfather
            elif r < 0.2:
                kinds.add("double_patronym")
                surname = f"{surname} {grandfather}"
    elif o == "af" and ident.surname in AF_M.items and not faithful:
        r = rng.random()
        if r < 0.1:
            kinds.add("mononym")
            given, surname = [], given[0]
        elif r < 0.2:
            kinds.add("surname_missing")
            surname = ""
    elif o == "la":
        second = _form(rng, ident.second, 0, faithful, kinds)
        r = 0.0 if faithful else rng.random()
        if r < 0.55:
            surname = f"{surname} {second}"
        elif r < 0.85:
            kinds.add("second_surname_dropped")
        elif r < 0.9:
            kinds.add("double_surname_hyphen")
            surname = f"{surname}-{second}"
        else:
            kinds.add("second_surname_only")
            surname = second
    elif o == "br":
        second = ident.second[0]
        r = 0.0 if faithful else rng.random()
        if r < 0.5:
            surname = f"{second} {surname}"
        elif r < 0.8:
            kinds.add("second_surname_dropped")
        elif r < 0.9:
            kinds.add("middle_as_given")
            given = [*given, second]
        else:
            kinds.add("second_surname_only")
            surname = second
        if surname.startswith(("da ", "dos ", "de ")) and not faithful and rng.random() < 0.15:
            kinds.add("prefix_dropped")
            surname = surname.split(" ", 1)[1]
    elif o == "ph":
        middle = _form(rng, ident.second, 0, faithful, kinds)
        r = 0.0 if faithful else rng.random()
        if r < 0.3:
            kinds.add("middle_as_given")
            given = [*given, middle]
        elif r < 0.4:
            kinds.add("middle_in_surname")
            surname = f"{middle} {surname}"
    elif o == "in" and ident.layout:
        rel = ident.second[0]
        layout = ident.layout if faithful else _choice(rng, {"A": 35, "B": 25, "C": 25, "D": 15})
        if layout != ident.layout:
            kinds.add("name_layout")
        if layout == "A":
            surname = rel
        elif layout == "B":
            given = [*given, rel]
        elif layout == "D":
            surname = f"{rel} {surname}"
    return given, surname


def _typo_field(rng: random.Random, text: str, kinds: set[str], ocr: bool) -> str:
    kind = "ocr" if ocr and rng.random() < 0.4 else _choice(rng, _TYPO_KINDS)
    new = typo(rng, text, kind)
    if new != text:
        kinds.add(f"typo_{kind}")
    return new


# --------------------------------------------------------------------------------------
# dates

YearMonthDay = tuple[int, int, int]


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return 1900 < y < 2026


def _estimate(rng: random.Random, true: YearMonthDay) -> YearMonthDay:
    """A stated or assessed birth date of someone without papers."""
    offset = _choice(rng, {"0": 45, "1": 30, "2": 15, "3": 5, "4": 3, "5": 2})
    year = true[0] + int(offset) * rng.choice((-1, 1))
    form = _choice(rng, {"jan1": 45, "day_known": 25, "year": 15, "invented": 15})
    if form == "jan1":
        return (year, 1, 1)
    if form == "year":
        return (year, 0, 0)
    if form == "day_known" and _valid(year, true[1], true[2]):
        return (year, true[1], true[2])
    return (year, rng.randint(1, 12), rng.randint(1, 28))


def _date_error(
    rng: random.Random, ymd: YearMonthDay, scale: float, kinds: set[str]
) -> YearMonthDay:
    y, m, d = ymd
    r = rng.random()
    if r < 0.012 * scale and d <= 12 and d != m:
        kinds.add("dob_day_month_swapped")
        return (y, d, m)
    if r < 0.027 * scale:
        digits = list(f"{y:04d}{m:02d}{d:02d}")
        for _ in range(10):
            i = rng.choice((2, 3, 3, 5, 6, 7, 7))
            new = digits.copy()
            new[i] = rng.choice([c for c in "0123456789" if c != digits[i]])
            cand = (int("".join(new[:4])), int("".join(new[4:6])), int("".join(new[6:])))
            if _valid(*cand):
                kinds.add("dob_typo")
                return cand
    if r < 0.035 * scale:
        one = date(y, m, d).toordinal() + rng.choice((-1, 1))
        shifted = date.fromordinal(one)
        kinds.add("dob_one_day_off")
        return (shifted.year, shifted.month, shifted.day)
    return ymd


def _format(ymd: YearMonthDay, brp: bool) -> str:
    y, m, d = ymd
    if m == 0:
        return f"{y:04d}-00-00" if brp else f"{y:04d}"
    if d == 0:
        return f"{y:04d}-{m:02d}-00" if brp else f"{y:04d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


# --------------------------------------------------------------------------------------
# persons and their registrations


@dataclass
class Person:
    pid: str
    origin: str
    sex: str
    nat: str
    cob: str
    dob: YearMonthDay
    profile: str
    ident: Identity
    alias: Identity | None = None
    claims: dict[int, list[YearMonthDay]] = field(default_factory=dict)
    rows: list[dict[str, str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


def _dob_for(
    rng: random.Random,
    person: Person,
    ident: Identity,
    src: dict[str, float],
    faithful: bool,
    kinds: set[str],
    brp: bool,
) -> str:
    if rng.random() < src["dob"]:
        kinds.add("dob_missing")
        return ""
    reference = ident.doc_dob or person.dob
    if ident.doc_dob:  # people with papers know the date in them
        ymd = ident.doc_dob
        if not faithful:
            ymd = _date_error(rng, ymd, src["date"], kinds)
            if rng.random() < src["year"]:
                ymd = (ymd[0], 0, 0)
    else:
        claims = person.claims.setdefault(id(ident), [])
        if claims and rng.random() < 0.55:
            ymd = rng.choice(claims)
        else:
            ymd = _estimate(rng, person.dob if ident is person.ident else reference)
            claims.append(ymd)
        if rng.random() < src["year"]:
            ymd = (ymd[0], 0, 0)
    if brp and ymd[1] and not ident.doc_dob and rng.random() < 0.15:
        ymd = (ymd[0], ymd[1], 0)  # BRP: only the month was established
    if ymd[0] != reference[0]:
        kinds.add("dob_year_off")
    if ymd[1] == 0 or (ymd[2] == 0 and not brp):
        kinds.add("dob_year_only")
    elif ymd[2] == 0:
        kinds.add("dob_month_only")
    elif (ymd[1], ymd[2]) == (1, 1) and reference[1:] != (1, 1):
        kinds.add("dob_1_january")
    elif ymd[0] == reference[0] and ymd[1:] != reference[1:] and not kinds & DATE_ERRORS:
        kinds.add("dob_other_date")
    return _format(ymd, brp)


DATE_ERRORS = {"dob_day_month_swapped", "dob_typo", "dob_one_day_off"}


def make_record(rng: random.Random, person: Person, source: str) -> tuple[dict[str, str], set[str]]:
    src = SOURCES[source]
    kinds: set[str] = set()
    brp = source == "municipality"
    prior = [r for r in person.rows if source != "coa" or r["source"] in ("ind", "coa")]
    if prior and rng.random() < src["copy"]:
        kinds.add("copied")
        row = dict(rng.choice(prior))
        row["source"] = source
        if rng.random() < src["typo"] * 0.3 and row["surname"]:
            row["surname"] = _typo_field(rng, row["surname"], kinds, False)
        if brp and len(row["date_of_birth"]) == 4:
            row["date_of_birth"] += "-00-00"
        if src["caps"] and rng.random() < src["caps"]:
            row["given_name"], row["surname"] = row["given_name"].upper(), row["surname"].upper()
            kinds.add("capitals")
        return row, kinds
    ident = person.ident
    if person.alias and rng.random() < src["alias"]:
        ident = person.alias
        kinds.add("alias")
    faithful = ident.documented and rng.random() < src["doc"]
    given, surname = render_name(rng, ident, src, faithful, kinds)
    # given names: call name, or only the first one
    if ident.call and not faithful and rng.random() < src["call"] and ident.call != given[0]:
        given = [ident.call]
        kinds.add("call_name")
    elif len(given) > 1 and not faithful and rng.random() < src["first"]:
        if rng.random() < 0.08:
            given = given[1:2]
            kinds.add("other_given_only")
        else:
            given = given[:1]
            kinds.add("first_given_only")
    given_name = " ".join(given)
    if " " in given_name and not faithful and rng.random() < src["first"] * 0.1:
        given_name = given_name.split()[0]  # cut at the first space: "Abdul Rahman" -> "Abdul"
        kinds.add("first_given_only")
    if (rng.random() < src["strip"] and not faithful) or (faithful and source == "kmar"):
        new_g, new_s = strip_diacritics(given_name), strip_diacritics(surname)
        if (new_g, new_s) != (given_name, surname):
            kinds.add("no_diacritics")
        given_name, surname = new_g, new_s
    if rng.random() < src["typo"] * (0.4 if faithful else 1.0):
        if given_name and (rng.random() < 0.5 or not surname):
            given_name = _typo_field(
                rng, given_name, kinds, source in ("kmar", "labour_inspectorate")
            )
        elif surname:
            surname = _typo_field(rng, surname, kinds, source in ("kmar", "labour_inspectorate"))
    swap = src["swap"] * (3 if ident.origin in ("cn", "vn", "er", "hu", "af", "wa") else 1)
    if rng.random() < swap and given_name and surname:
        given_name, surname = surname, given_name
        kinds.add("swapped")
    if rng.random() < src["given"]:
        given_name = ""
        kinds.add("given_missing")
    if rng.random() < src["sur"] and surname:
        surname = ""
        kinds.add("surname_missing")
    if rng.random() < src["caps"] or (faithful and source == "kmar"):
        given_name, surname = given_name.upper(), surname.upper()
        kinds.add("capitals")
    # sex, nationality, country of birth
    sex = person.sex
    if rng.random() < src["sex"]:
        sex = ""
        kinds.add("sex_missing")
    elif rng.random() < src["wrong_sex"] + (
        0.01 if ident.origin in UNFAMILIAR and not faithful else 0
    ):
        sex = "male" if sex == "female" else "female"
        kinds.add("sex_wrong")
    nat = person.nat
    alt = ORIGINS[person.origin]["alt"]
    if rng.random() < src["nat"]:
        nat = ""
        kinds.add("nationality_missing")
    elif alt and not faithful and rng.random() < sum(alt.values()):
        nat = _choice(rng, alt)
        kinds.add("nationality_different")
    cob = person.cob
    if rng.random() < src["cob"] or not cob:
        if cob:
            kinds.add("cob_missing")
        cob = ""
    elif cob != person.nat and rng.random() < 0.08 and person.nat != "NL":
        cob = person.nat
        kinds.add("cob_different")
    dob = _dob_for(rng, person, ident, src, faithful, kinds, brp)
    row = {
        "record_id": "",
        "source": source,
        "given_name": given_name,
        "surname": surname,
        "date_of_birth": dob,
        "sex": sex,
        "nationality": nat,
        "country_of_birth": cob,
    }
    return row, kinds


def _age(rng: random.Random, minor: bool) -> int:
    if minor:
        return _choice_int(rng, {12: 3, 13: 6, 14: 12, 15: 20, 16: 28, 17: 31})
    return int(rng.triangular(18, 58, 23))


def _choice_int(rng: random.Random, table: dict[int, float]) -> int:
    return int(_choice(rng, {str(k): v for k, v in table.items()}))


def _random_date(rng: random.Random, year: int) -> YearMonthDay:
    day = date(year, 1, 1).toordinal() + rng.randrange(365)
    d = date.fromordinal(day)
    return (d.year, d.month, d.day)


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.persons: list[Person] = []
        self.kinds: list[set[str]] = []
        self.by_origin: dict[tuple[str, str], list[Person]] = {}
        self.events: Counter[str] = Counter()
        self.origin_keys = list(ORIGINS)
        self.origin_cum = list(accumulate(ORIGINS[o]["share"] for o in self.origin_keys))

    def person(
        self,
        origin: str,
        sex: str,
        dob: YearMonthDay,
        minor: bool,
        ident: Identity | None = None,
        nat: str = "",
        cob: str = "",
    ) -> Person:
        rng = self.rng
        o = ORIGINS[origin]
        profile = _choice(rng, o["profiles"])
        if minor and profile in (LABOUR, ASYLUM) and origin[:2] != "nl":
            profile = MINOR_ALONE if origin in ("vn", "er", "af", "ma", "wa", "sy") else profile
        ident = ident or make_identity(rng, origin, sex)
        if not nat:
            nat = (
                _choice(rng, LA_NATS)
                if origin == "la"
                else _choice(rng, WA_NATS)
                if origin == "wa"
                else o["nat"]
            )
            cob = nat if not o["cob"] else _choice(rng, o["cob"])
            if origin == "la" and rng.random() < 0.05:
                cob = "VE"
        ident.documented = rng.random() < o["documented"]
        if ident.documented:
            ident.doc_dob = dob
            unreliable = {"af": 0.6, "er": 0.4, "wa": 0.4, "ng": 0.15, "vn": 0.1, "sy": 0.15}
            if rng.random() < unreliable.get(origin, 0.0):  # papers with an assessed date
                ident.doc_dob = (dob[0] + rng.choice((-2, -1, 0, 0, 0, 1, 2)), 1, 1)
        age = 2022 - dob[0]
        if origin == "nl" and sex == "female" and age > 25 and rng.random() < 0.2:
            ident.married = NL_SUR.pick(rng)[0]
        person = Person(f"P{len(self.persons) + 1:06d}", origin, sex, nat, cob, dob, profile, ident)
        alias_p = o["alias"] * (1.5 if profile in (SEXUAL, CRIMINAL) else 0.7)
        if rng.random() < alias_p:
            alias = make_identity(rng, origin, sex)
            alias.documented = rng.random() < 0.3  # a borrowed or false document
            r = rng.random()
            if r < 0.5:
                alias.doc_dob = dob if alias.documented else None
            elif r < 0.8:
                alias.doc_dob = _random_date(rng, dob[0]) if alias.documented else None
            else:
                alias.doc_dob = (
                    _random_date(rng, dob[0] + rng.choice((-5, -3, -2, -1, 1, 2, 3)))
                    if alias.documented
                    else None
                )
            person.alias = alias
            self.events["persons with an alias"] += 1
        if profile == SEXUAL and origin[:2] != "nl" and minor:
            person.profile = profile
        self.persons.append(person)
        self.by_origin.setdefault((origin, sex), []).append(person)
        return person

    def household(self) -> list[Person]:
        rng = self.rng
        origin = self.origin_keys[bisect(self.origin_cum, rng.random() * self.origin_cum[-1])]
        o = ORIGINS[origin]
        sex = "male" if rng.random() < o["male"] else "female"
        minor = rng.random() < o["minor"]
        year = rng.randint(2018, 2025)
        dob = _random_date(rng, year - _age(rng, minor))
        ident = None
        same = self.by_origin.get((origin, sex))
        if same and rng.random() < 0.03:  # a namesake: another person, same name
            other = rng.choice(same)
            ident = make_identity(rng, origin, sex)
            ident.given, ident.doc = list(other.ident.given), list(other.ident.doc)
            ident.surname, ident.sdoc, ident.prefix = (
                other.ident.surname,
                other.ident.sdoc,
                other.ident.prefix,
            )
            ident.second, ident.hanzi, ident.layout = (
                other.ident.second,
                other.ident.hanzi,
                other.ident.layout,
            )
            ident.call = other.ident.call
            dob = _random_date(rng, other.dob[0] + rng.choice((-2, -1, 0, 0, 1, 2)))
            self.events["injected namesakes"] += 1
        first = self.person(origin, sex, dob, minor, ident)
        members = [first]
        if rng.random() < o["family"]:
            if rng.random() < 0.65:
                for _ in range(rng.choice((1, 1, 1, 2))):
                    s = "male" if rng.random() < o["male"] else "female"
                    if rng.random() < 0.08:
                        d = first.dob
                        self.events["twins"] += 1
                    else:
                        d = _random_date(
                            rng, first.dob[0] + rng.choice((-5, -4, -3, -2, -1, -1, 1, 1, 2, 3, 4))
                        )
                        self.events["siblings"] += 1
                    rel = relative(rng, first.ident, s, "sibling")
                    members.append(
                        self.person(origin, s, d, 2022 - d[0] < 18, rel, first.nat, first.cob)
                    )
            else:
                s = "male" if rng.random() < o["male"] else "female"
                gap = rng.randint(17, 36)
                if 2022 - first.dob[0] >= 34:
                    d = _random_date(rng, first.dob[0] + gap)
                    rel = relative(rng, first.ident, s, "child")
                else:
                    d = _random_date(rng, first.dob[0] - gap)
                    rel = relative(rng, first.ident, s, "sibling")  # the parent: same family name
                cob = first.cob if rng.random() < 0.8 else ""
                members.append(
                    self.person(origin, s, d, 2022 - d[0] < 18, rel, first.nat, cob or first.cob)
                )
                self.events["parent-child pairs"] += 1
        return members

    def registrations(self, person: Person) -> None:
        rng = self.rng
        many = person.profile in (ASYLUM, MINOR_ALONE) or (
            person.origin[:2] == "nl" and 2022 - person.dob[0] < 18
        )
        count = _choice_int(rng, COUNTS_MANY if many else COUNTS)
        if person.origin[:2] == "nl":
            key = "nl_minor" if 2022 - person.dob[0] < 19 else "nl_adult"
        else:
            key = person.profile
        weights = dict(PROFILE_SOURCES[key])
        if person.origin == "ua":
            weights["municipality"] = weights.get("municipality", 0) * 3 + 2
        if person.origin[:2] != "nl" and 2022 - person.dob[0] < 18:
            weights["youth_care"] = weights.get("youth_care", 0) + 2
        for _ in range(count):
            source = _choice(rng, weights)
            weights[source] *= 0.3
            row, kinds = make_record(rng, person, source)
            person.rows.append(row)
            self.kinds.append(kinds)


def _build(size: int, seed: int) -> tuple[list[tuple[dict[str, str], str, set[str]]], Generator]:
    gen = Generator(seed)
    out: list[tuple[dict[str, str], str, set[str]]] = []
    while len(out) < size:
        for person in gen.household():
            start = len(gen.kinds)
            gen.registrations(person)
            out += [
                (row, person.pid, kinds)
                for row, kinds in zip(person.rows, gen.kinds[start:], strict=True)
            ]
    gen.rng.shuffle(out)
    out = out[:size]
    for index, (row, _, _) in enumerate(out):
        row["record_id"] = f"R{index + 1:07d}"
    return out, gen


def registrations(size: int, seed: int) -> Iterator[tuple[dict[str, str], str]]:
    """`size` registrations (row, person_id) in random order, deterministic per seed."""
    rows, _ = _build(size, seed)
    for row, pid, _ in rows:
        yield row, pid


# --------------------------------------------------------------------------------------
# self-check and command line

FIELDS = [
    "record_id",
    "source",
    "given_name",
    "surname",
    "date_of_birth",
    "sex",
    "nationality",
    "country_of_birth",
]


def summary(size: int, seed: int) -> str:
    started = time.perf_counter()
    rows, gen = _build(size, seed)
    seconds = time.perf_counter() - started
    per_person = Counter(pid for _, pid, _ in rows)
    persons = len(per_person)
    lines = [f"records {len(rows)}  persons {persons}  seed {seed}  built in {seconds:.1f} s"]
    spread = Counter(per_person.values())
    lines.append(
        "records per person: "
        + ", ".join(f"{n}: {spread[n]} ({spread[n] / persons:.1%})" for n in sorted(spread))
    )
    kinds: Counter[str] = Counter()
    for _, _, k in rows:
        kinds.update(k)
    clean = sum(1 for _, _, k in rows if not k - {"capitals", "copied"})
    lines.append(
        f"records with no variant at all (apart from capitals/copy): {clean / len(rows):.1%}"
    )
    lines.append("variant kinds (share of records):")
    lines += [
        f"  {kind:28s} {n / len(rows):6.2%}"
        for kind, n in sorted(kinds.items(), key=lambda x: -x[1])
    ]
    sources = Counter(row["source"] for row, _, _ in rows)
    lines.append(
        "sources: " + ", ".join(f"{s} {n / len(rows):.1%}" for s, n in sources.most_common())
    )
    seen = {pid for _, pid, _ in rows}
    people = [p for p in gen.persons if p.pid in seen]
    origins = Counter(p.origin for p in people)
    lines.append(
        "origin groups (persons): "
        + ", ".join(f"{o} {n / len(people):.1%}" for o, n in origins.most_common())
    )
    nats = Counter(p.nat for p in people)
    lines.append(
        "nationality (persons): "
        + ", ".join(f"{o} {n / len(people):.1%}" for o, n in nats.most_common())
    )
    recorded = Counter(row["nationality"] or "(empty)" for row, _, _ in rows)
    lines.append(
        "nationality (records, top 15): "
        + ", ".join(f"{o} {n / len(rows):.1%}" for o, n in recorded.most_common(15))
    )
    ages = Counter("minor" if 2022 - p.dob[0] < 18 else "adult" for p in people)
    lines.append(f"minors at registration (approx.): {ages['minor'] / len(people):.1%}")
    lines.append(
        "hard negatives generated: " + ", ".join(f"{k} {v}" for k, v in sorted(gen.events.items()))
    )
    # different persons whose records share the exact given name, surname and birth year
    keys: dict[tuple[str, str, str], set[str]] = {}
    for row, pid, _ in rows:
        if row["given_name"] and row["surname"] and row["date_of_birth"]:
            key = (row["given_name"].lower(), row["surname"].lower(), row["date_of_birth"][:4])
            keys.setdefault(key, set()).add(pid)
    shared = sum(1 for v in keys.values() if len(v) > 1)
    lines.append(f"name+birth-year keys shared by different persons: {shared} of {len(keys)}")
    top = Counter(row["surname"].lower() for row, _, _ in rows if row["surname"])
    lines.append(
        "most common surnames (records): " + ", ".join(f"{s} {n}" for s, n in top.most_common(12))
    )
    scripts = Counter(
        "cyrillic"
        if any("\u0400" <= c <= "\u04ff" for c in row["surname"] + row["given_name"])
        else "cjk"
        if any("\u4e00" <= c <= "\u9fff" for c in row["surname"] + row["given_name"])
        else "latin"
        for row, _, _ in rows
    )
    lines.append("scripts: " + ", ".join(f"{s} {n}" for s, n in scripts.most_common()))
    lines.append("examples:")
    for row, pid, k in rows[:12]:
        lines.append(
            f"  {pid} {row['source']:20s} {row['given_name']!r:30s} {row['surname']!r:28s} "
            f"{row['date_of_birth']:10s} {row['sex']:6s} {row['nationality']:2s} "
            f"{row['country_of_birth']:2s} {sorted(k)}"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--summary":
        size = int(argv[1]) if len(argv) > 1 else 10_000
        seed = int(argv[2]) if len(argv) > 2 else 7777 + size
        print(summary(size, seed))
        return 0
    if len(argv) not in (3, 4):
        print(__doc__.split("Usage:")[1])
        return 2
    size, people, truth = int(argv[0]), argv[1], argv[2]
    seed = int(argv[3]) if len(argv) == 4 else 7777 + size
    with (
        open(people, "w", newline="", encoding="utf-8") as p,
        open(truth, "w", newline="", encoding="utf-8") as t,
    ):
        rows = csv.DictWriter(p, fieldnames=FIELDS)
        rows.writeheader()
        links = csv.writer(t)
        links.writerow(["record_id", "person_id"])
        for row, pid in registrations(size, seed):
            rows.writerow(row)
            links.writerow([row["record_id"], pid])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
