"""Finland's regions as data: the organisers of social and health care and the
LAPE programme's regions.

Municipalities: Statistics Finland's municipality classification in force
2021–2025 (309 municipalities: 293 on the mainland, 16 on Åland), with the
Swedish names the classification gives. Each mainland municipality belongs to
one of the 21 wellbeing services counties or is the City of Helsinki, which
organises its own social and health care (Act 611/2021 on wellbeing services
counties). Åland organises its own services and belongs to neither.

Wellbeing services counties carry Statistics Finland's county codes (01–21);
Helsinki as an organiser carries 90.

The LAPE programme (2016–2019) ran 19 regional change projects: one per
region (maakunta, as bounded in 2016–2019) and a separate project for the
capital area (Helsinki, Espoo, Vantaa, Kauniainen), so the LAPE region of
Uusimaa is Uusimaa without the capital area. Three municipalities changed
region in 2021 and keep their LAPE-era region here: Heinävesi and Joroinen
(South Savo) and Iitti (Kymenlaakso).

A change of the classification (a merger) is a new data migration that calls
:func:`load_regions` with the updated tables.
"""

from __future__ import annotations

# (code, Finnish, Swedish, English) of the organisers. Codes: "hva-NN".
WELLBEING_COUNTIES: tuple[tuple[str, str, str, str], ...] = (
    (
        "01",
        "Itä-Uudenmaan hyvinvointialue",
        "Östra Nylands välfärdsområde",
        "Wellbeing services county of East Uusimaa",
    ),
    (
        "02",
        "Keski-Uudenmaan hyvinvointialue",
        "Mellersta Nylands välfärdsområde",
        "Wellbeing services county of Central Uusimaa",
    ),
    (
        "03",
        "Länsi-Uudenmaan hyvinvointialue",
        "Västra Nylands välfärdsområde",
        "Wellbeing services county of West Uusimaa",
    ),
    (
        "04",
        "Vantaan ja Keravan hyvinvointialue",
        "Vanda och Kervo välfärdsområde",
        "Wellbeing services county of Vantaa and Kerava",
    ),
    (
        "05",
        "Varsinais-Suomen hyvinvointialue",
        "Egentliga Finlands välfärdsområde",
        "Wellbeing services county of Southwest Finland",
    ),
    (
        "06",
        "Satakunnan hyvinvointialue",
        "Satakunta välfärdsområde",
        "Wellbeing services county of Satakunta",
    ),
    (
        "07",
        "Kanta-Hämeen hyvinvointialue",
        "Egentliga Tavastlands välfärdsområde",
        "Wellbeing services county of Kanta-Häme",
    ),
    (
        "08",
        "Pirkanmaan hyvinvointialue",
        "Birkalands välfärdsområde",
        "Wellbeing services county of Pirkanmaa",
    ),
    (
        "09",
        "Päijät-Hämeen hyvinvointialue",
        "Päijänne-Tavastlands välfärdsområde",
        "Wellbeing services county of Päijät-Häme",
    ),
    (
        "10",
        "Kymenlaakson hyvinvointialue",
        "Kymmenedalens välfärdsområde",
        "Wellbeing services county of Kymenlaakso",
    ),
    (
        "11",
        "Etelä-Karjalan hyvinvointialue",
        "Södra Karelens välfärdsområde",
        "Wellbeing services county of South Karelia",
    ),
    (
        "12",
        "Etelä-Savon hyvinvointialue",
        "Södra Savolax välfärdsområde",
        "Wellbeing services county of South Savo",
    ),
    (
        "13",
        "Pohjois-Savon hyvinvointialue",
        "Norra Savolax välfärdsområde",
        "Wellbeing services county of North Savo",
    ),
    (
        "14",
        "Pohjois-Karjalan hyvinvointialue",
        "Norra Karelens välfärdsområde",
        "Wellbeing services county of North Karelia",
    ),
    (
        "15",
        "Keski-Suomen hyvinvointialue",
        "Mellersta Finlands välfärdsområde",
        "Wellbeing services county of Central Finland",
    ),
    (
        "16",
        "Etelä-Pohjanmaan hyvinvointialue",
        "Södra Österbottens välfärdsområde",
        "Wellbeing services county of South Ostrobothnia",
    ),
    (
        "17",
        "Pohjanmaan hyvinvointialue",
        "Österbottens välfärdsområde",
        "Wellbeing services county of Ostrobothnia",
    ),
    (
        "18",
        "Keski-Pohjanmaan hyvinvointialue",
        "Mellersta Österbottens välfärdsområde",
        "Wellbeing services county of Central Ostrobothnia",
    ),
    (
        "19",
        "Pohjois-Pohjanmaan hyvinvointialue",
        "Norra Österbottens välfärdsområde",
        "Wellbeing services county of North Ostrobothnia",
    ),
    (
        "20",
        "Kainuun hyvinvointialue",
        "Kajanalands välfärdsområde",
        "Wellbeing services county of Kainuu",
    ),
    (
        "21",
        "Lapin hyvinvointialue",
        "Lapplands välfärdsområde",
        "Wellbeing services county of Lapland",
    ),
)
HELSINKI = ("90", "Helsingin kaupunki", "Helsingfors stad", "City of Helsinki")

# LAPE regions: (code, Finnish, Swedish, English); codes "lape-NN" follow the
# region (maakunta) codes, "lape-pks" is the capital area.
LAPE_REGIONS: tuple[tuple[str, str, str, str], ...] = (
    ("01", "Uusimaa", "Nyland", "Uusimaa"),
    ("02", "Varsinais-Suomi", "Egentliga Finland", "Southwest Finland"),
    ("04", "Satakunta", "Satakunta", "Satakunta"),
    ("05", "Kanta-Häme", "Egentliga Tavastland", "Kanta-Häme"),
    ("06", "Pirkanmaa", "Birkaland", "Pirkanmaa"),
    ("07", "Päijät-Häme", "Päijänne-Tavastland", "Päijät-Häme"),
    ("08", "Kymenlaakso", "Kymmenedalen", "Kymenlaakso"),
    ("09", "Etelä-Karjala", "Södra Karelen", "South Karelia"),
    ("10", "Etelä-Savo", "Södra Savolax", "South Savo"),
    ("11", "Pohjois-Savo", "Norra Savolax", "North Savo"),
    ("12", "Pohjois-Karjala", "Norra Karelen", "North Karelia"),
    ("13", "Keski-Suomi", "Mellersta Finland", "Central Finland"),
    ("14", "Etelä-Pohjanmaa", "Södra Österbotten", "South Ostrobothnia"),
    ("15", "Pohjanmaa", "Österbotten", "Ostrobothnia"),
    ("16", "Keski-Pohjanmaa", "Mellersta Österbotten", "Central Ostrobothnia"),
    ("17", "Pohjois-Pohjanmaa", "Norra Österbotten", "North Ostrobothnia"),
    ("18", "Kainuu", "Kajanaland", "Kainuu"),
    ("19", "Lappi", "Lappland", "Lapland"),
)
CAPITAL_AREA = ("pks", "Pääkaupunkiseutu", "Huvudstadsregionen", "Capital area")
CAPITAL_AREA_MUNICIPALITIES = frozenset({"091", "049", "092", "235"})

# The wellbeing services county of each LAPE region's municipalities, except
# the municipalities listed in LAPE_ERA_REGION_OF.
_LAPE_OF_COUNTY = {
    "01": "01",
    "02": "01",
    "03": "01",
    "04": "01",
    "90": "01",
    "05": "02",
    "06": "04",
    "07": "05",
    "08": "06",
    "09": "07",
    "10": "08",
    "11": "09",
    "12": "10",
    "13": "11",
    "14": "12",
    "15": "13",
    "16": "14",
    "17": "15",
    "18": "16",
    "19": "17",
    "20": "18",
    "21": "19",
}
LAPE_ERA_REGION_OF = {"090": "10", "171": "10", "142": "08"}

# Bilingual municipalities (Finnish and Swedish), Government decree on the
# languages of municipalities 2023–2032.
BILINGUAL = frozenset(
    {
        "049",
        "078",
        "091",
        "092",
        "149",
        "231",
        "235",
        "257",
        "272",
        "287",
        "288",
        "322",
        "407",
        "434",
        "444",
        "445",
        "475",
        "499",
        "598",
        "599",
        "624",
        "638",
        "710",
        "753",
        "755",
        "853",
        "893",
        "905",
        "946",
    }
)

# Municipalities: "code|Finnish|Swedish|county". Swedish empty = as Finnish;
# county "AX" = Åland (outside the wellbeing services counties).
_MUNICIPALITIES = """
005|Alajärvi||16
009|Alavieska||19
010|Alavus|Alavo|16
016|Asikkala||09
018|Askola||01
019|Aura||05
020|Akaa|Ackas|08
035|Brändö||AX
043|Eckerö||AX
046|Enonkoski||12
047|Enontekiö|Enontekis|21
049|Espoo|Esbo|03
050|Eura||06
051|Eurajoki|Euraåminne|06
052|Evijärvi||16
060|Finström||AX
061|Forssa||07
062|Föglö||AX
065|Geta||AX
069|Haapajärvi||19
071|Haapavesi||19
072|Hailuoto|Karlö|19
074|Halsua|Halso|18
075|Hamina|Fredrikshamn|10
076|Hammarland||AX
077|Hankasalmi||15
078|Hanko|Hangö|03
079|Harjavalta||06
081|Hartola|Gustav Adolfs|09
082|Hattula||07
086|Hausjärvi||07
090|Heinävesi||14
091|Helsinki|Helsingfors|90
092|Vantaa|Vanda|04
097|Hirvensalmi||12
098|Hollola||09
102|Huittinen|Vittis|06
103|Humppila||07
105|Hyrynsalmi||20
106|Hyvinkää|Hyvinge|02
108|Hämeenkyrö|Tavastkyro|08
109|Hämeenlinna|Tavastehus|07
111|Heinola||09
139|Ii|Ijo|19
140|Iisalmi|Idensalmi|13
142|Iitti|Itis|09
143|Ikaalinen|Ikalis|08
145|Ilmajoki|Ilmola|16
146|Ilomantsi|Ilomants|14
148|Inari|Enare|21
149|Inkoo|Ingå|03
151|Isojoki|Storå|16
152|Isokyrö|Storkyro|16
153|Imatra||11
165|Janakkala||07
167|Joensuu||14
169|Jokioinen|Jockis|07
170|Jomala||AX
171|Joroinen|Jorois|13
172|Joutsa||15
176|Juuka|Juga|14
177|Juupajoki||08
178|Juva||12
179|Jyväskylä||15
181|Jämijärvi||06
182|Jämsä||15
186|Järvenpää|Träskända|02
202|Kaarina|S:t Karins|05
204|Kaavi||13
205|Kajaani|Kajana|20
208|Kalajoki||19
211|Kangasala||08
213|Kangasniemi||12
214|Kankaanpää||06
216|Kannonkoski||15
217|Kannus||18
218|Karijoki|Bötom|16
224|Karkkila|Högfors|03
226|Karstula||15
230|Karvia||06
231|Kaskinen|Kaskö|17
232|Kauhajoki||16
233|Kauhava||16
235|Kauniainen|Grankulla|03
236|Kaustinen|Kaustby|18
239|Keitele||13
240|Kemi||21
241|Keminmaa||21
244|Kempele||19
245|Kerava|Kervo|04
249|Keuruu|Keuru|15
250|Kihniö||08
256|Kinnula||15
257|Kirkkonummi|Kyrkslätt|03
260|Kitee|Kides|14
261|Kittilä||21
263|Kiuruvesi||13
265|Kivijärvi||15
271|Kokemäki|Kumo|06
272|Kokkola|Karleby|18
273|Kolari||21
275|Konnevesi||15
276|Kontiolahti|Kontiolax|14
280|Korsnäs||17
284|Koski Tl|Koskis|05
285|Kotka||10
286|Kouvola||10
287|Kristiinankaupunki|Kristinestad|17
288|Kruunupyy|Kronoby|17
290|Kuhmo||20
291|Kuhmoinen|Kuhmois|08
295|Kumlinge||AX
297|Kuopio||13
300|Kuortane||16
301|Kurikka||16
304|Kustavi|Gustavs|05
305|Kuusamo||19
309|Outokumpu||14
312|Kyyjärvi||15
316|Kärkölä||09
317|Kärsämäki||19
318|Kökar||AX
320|Kemijärvi||21
322|Kemiönsaari|Kimitoön|05
398|Lahti|Lahtis|09
399|Laihia|Laihela|17
400|Laitila|Letala|05
402|Lapinlahti||13
403|Lappajärvi||16
405|Lappeenranta|Villmanstrand|11
407|Lapinjärvi|Lappträsk|01
408|Lapua|Lappo|16
410|Laukaa|Laukas|15
416|Lemi||11
417|Lemland||AX
418|Lempäälä||08
420|Leppävirta||13
421|Lestijärvi||18
422|Lieksa||14
423|Lieto|Lundo|05
425|Liminka|Limingo|19
426|Liperi|Libelits|14
430|Loimaa||05
433|Loppi||07
434|Loviisa|Lovisa|01
435|Luhanka||15
436|Lumijoki||19
438|Lumparland||AX
440|Luoto|Larsmo|17
441|Luumäki||11
444|Lohja|Lojo|03
445|Parainen|Pargas|05
475|Maalahti|Malax|17
478|Maarianhamina|Mariehamn|AX
480|Marttila|S:t Mårtens|05
481|Masku||05
483|Merijärvi||19
484|Merikarvia|Sastmola|06
489|Miehikkälä||10
491|Mikkeli|S:t Michel|12
494|Muhos||19
495|Multia||15
498|Muonio||21
499|Mustasaari|Korsholm|17
500|Muurame||15
503|Mynämäki|Virmo|05
504|Myrskylä|Mörskom|01
505|Mäntsälä||02
507|Mäntyharju||12
508|Mänttä-Vilppula||08
529|Naantali|Nådendal|05
531|Nakkila||06
535|Nivala||19
536|Nokia||08
538|Nousiainen|Nousis|05
541|Nurmes||14
543|Nurmijärvi||02
545|Närpiö|Närpes|17
560|Orimattila||09
561|Oripää||05
562|Orivesi||08
563|Oulainen||19
564|Oulu|Uleåborg|19
576|Padasjoki||09
577|Paimio|Pemar|05
578|Paltamo||20
580|Parikkala||11
581|Parkano||08
583|Pelkosenniemi||21
584|Perho||18
588|Pertunmaa||12
592|Petäjävesi||15
593|Pieksämäki||12
595|Pielavesi||13
598|Pietarsaari|Jakobstad|17
599|Pedersören kunta|Pedersöre|17
601|Pihtipudas||15
604|Pirkkala|Birkala|08
607|Polvijärvi||14
608|Pomarkku|Påmark|06
609|Pori|Björneborg|06
611|Pornainen|Borgnäs|02
614|Posio||21
615|Pudasjärvi||19
616|Pukkila||01
619|Punkalaidun||08
620|Puolanka||20
623|Puumala||12
624|Pyhtää|Pyttis|10
625|Pyhäjoki||19
626|Pyhäjärvi||19
630|Pyhäntä||19
631|Pyhäranta||05
635|Pälkäne||08
636|Pöytyä||05
638|Porvoo|Borgå|01
678|Raahe|Brahestad|19
680|Raisio|Reso|05
681|Rantasalmi||12
683|Ranua||21
684|Rauma|Raumo|06
686|Rautalampi||13
687|Rautavaara||13
689|Rautjärvi||11
691|Reisjärvi||19
694|Riihimäki||07
697|Ristijärvi||20
698|Rovaniemi||21
700|Ruokolahti|Ruokolax|11
702|Ruovesi||08
704|Rusko||05
707|Rääkkylä||14
710|Raasepori|Raseborg|03
729|Saarijärvi||15
732|Salla||21
734|Salo||05
736|Saltvik||AX
738|Sauvo|Sagu|05
739|Savitaipale||11
740|Savonlinna|Nyslott|12
742|Savukoski||21
743|Seinäjoki||16
746|Sievi||19
747|Siikainen|Siikais|06
748|Siikajoki||19
749|Siilinjärvi||13
751|Simo||21
753|Sipoo|Sibbo|01
755|Siuntio|Sjundeå|03
758|Sodankylä||21
759|Soini||16
761|Somero||05
762|Sonkajärvi||13
765|Sotkamo||20
766|Sottunga||AX
768|Sulkava||12
771|Sund||AX
777|Suomussalmi||20
778|Suonenjoki||13
781|Sysmä||09
783|Säkylä||06
785|Vaala||19
790|Sastamala||08
791|Siikalatva||19
831|Taipalsaari||11
832|Taivalkoski||19
833|Taivassalo|Tövsala|05
834|Tammela||07
837|Tampere|Tammerfors|08
844|Tervo||13
845|Tervola||21
846|Teuva|Östermark|16
848|Tohmajärvi||14
849|Toholampi||18
850|Toivakka||15
851|Tornio|Torneå|21
853|Turku|Åbo|05
854|Pello||21
857|Tuusniemi||13
858|Tuusula|Tusby|02
859|Tyrnävä||19
886|Ulvila|Ulvsby|06
887|Urjala||08
889|Utajärvi||19
890|Utsjoki||21
892|Uurainen||15
893|Uusikaarlepyy|Nykarleby|17
895|Uusikaupunki|Nystad|05
905|Vaasa|Vasa|17
908|Valkeakoski||08
915|Varkaus||13
918|Vehmaa|Vemo|05
921|Vesanto||13
922|Vesilahti||08
924|Veteli|Vetil|18
925|Vieremä||13
927|Vihti|Vichtis|03
931|Viitasaari||15
934|Vimpeli|Vindala|16
935|Virolahti|Vederlax|10
936|Virrat|Virdois|08
941|Vårdö||AX
946|Vöyri|Vörå|17
976|Ylitornio|Övertorneå|21
977|Ylivieska||19
980|Ylöjärvi||08
981|Ypäjä||07
989|Ähtäri|Etseri|16
992|Äänekoski||15
"""

ALAND = "AX"


def municipalities() -> list[tuple[str, str, str, str]]:
    """(code, Finnish name, Swedish name, county code or "AX") of each municipality."""
    rows = []
    for line in _MUNICIPALITIES.strip().splitlines():
        code, fi, sv, county = line.split("|")
        rows.append((code, fi, sv or fi, county))
    return rows


def county_code(number: str) -> str:
    return f"hva-{number}"


def lape_code(number: str) -> str:
    return f"lape-{number}"


def lape_region_of(code: str, county: str) -> str | None:
    """The LAPE region number of a municipality, None on Åland."""
    if county == ALAND:
        return None
    if code in CAPITAL_AREA_MUNICIPALITIES:
        return CAPITAL_AREA[0]
    return LAPE_ERA_REGION_OF.get(code, _LAPE_OF_COUNTY[county])


def _upsert(model, rows: dict[str, dict]) -> dict:
    """Create or update rows by code in bulk; returns code → instance."""
    existing = {obj.code: obj for obj in model.objects.filter(code__in=rows)}
    to_create, to_update = [], []
    fields = sorted({name for values in rows.values() for name in values})
    for code, values in rows.items():
        obj = existing.get(code)
        if obj is None:
            to_create.append(model(code=code, **values))
        elif any(getattr(obj, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(obj, name, value)
            to_update.append(obj)
    model.objects.bulk_create(to_create)
    model.objects.bulk_update(to_update, fields)
    return {obj.code: obj for obj in model.objects.filter(code__in=rows)}


def load_regions(region_model, municipality_model) -> tuple[int, int]:
    """Create or update every region and municipality; returns the counts.

    Takes the models as arguments so a data migration can pass its
    historical models. Regions and municipalities not in the tables (such as
    the demo county) are left as they are.
    """
    region_rows = {}
    for number, fi, sv, en in WELLBEING_COUNTIES:
        region_rows[county_code(number)] = _names("wellbeing_county", fi, sv, en)
    region_rows[county_code(HELSINKI[0])] = _names("city_organiser", *HELSINKI[1:])
    for number, fi, sv, en in (*LAPE_REGIONS, CAPITAL_AREA):
        region_rows[lape_code(number)] = _names("lape_region", fi, sv, en)
    regions = _upsert(region_model, region_rows)
    municipality_rows = {}
    for code, fi, sv, county in municipalities():
        lape = lape_region_of(code, county)
        municipality_rows[code] = {
            "name": fi,
            "name_fi": fi,
            "name_sv": sv,
            "name_en": fi,
            "bilingual": code in BILINGUAL,
            "region_id": None if county == ALAND else regions[county_code(county)].pk,
            "lape_region_id": regions[lape_code(lape)].pk if lape else None,
        }
    _upsert(municipality_model, municipality_rows)
    return len(region_rows), len(municipality_rows)


def _names(kind: str, fi: str, sv: str, en: str) -> dict:
    return {"kind": kind, "name": fi, "name_fi": fi, "name_sv": sv, "name_en": en}
