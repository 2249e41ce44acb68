"""The evidence-based methods a plan can name, in Finnish, Swedish and English.

The descriptions are written for the family: what the method is, in plain words.
"""

from django.db import migrations

METHODS = [
    {
        "code": "lapset-puheeksi",
        "name": (
            "Lapset puheeksi -keskustelu",
            "Barnen på tal -samtal",
            "Let's Talk about Children discussion",
        ),
        "description": (
            "Keskustelemme yhdessä lapsenne arjesta: mikä sujuu hyvin ja missä lapsi "
            "tarvitsee tukea kotona, päiväkodissa tai koulussa.",
            "Vi talar tillsammans om barnets vardag: vad som går bra och var barnet "
            "behöver stöd hemma, i daghemmet eller i skolan.",
            "We talk together about your child's everyday life: what goes well and where "
            "the child needs support at home, in day care or at school.",
        ),
        "url": "https://www.kasvuntuki.fi/",
    },
    {
        "code": "lapset-puheeksi-neuvonpito",
        "name": (
            "Lapset puheeksi -neuvonpito",
            "Barnen på tal -nätverksmöte",
            "Let's Talk about Children network meeting",
        ),
        "description": (
            "Perhe ja lapsen arjen aikuiset sopivat yhdessä, kuka tukee lasta missäkin.",
            "Familjen och de vuxna i barnets vardag kommer överens om vem som stöder "
            "barnet och var.",
            "The family and the adults in the child's everyday life agree together who "
            "supports the child, and where.",
        ),
        "url": "https://www.kasvuntuki.fi/",
    },
    {
        "code": "ihmeelliset-vuodet",
        "name": ("Ihmeelliset vuodet", "De otroliga åren", "Incredible Years"),
        "description": (
            "Vanhempien ryhmä, jossa harjoitellaan leikkiä, kehumista ja rajojen "
            "asettamista lapsen kanssa.",
            "En grupp för föräldrar där man övar lek, beröm och att sätta gränser för "
            "barnet.",
            "A group for parents to practise play, praise and setting limits with the child.",
        ),
        "url": "https://www.kasvuntuki.fi/",
    },
    {
        "code": "vahvuutta-vanhemmuuteen",
        "name": (
            "Vahvuutta vanhemmuuteen",
            "Styrka i föräldraskapet",
            "Strength in Parenthood",
        ),
        "description": (
            "Pienten lasten vanhempien ryhmä, jossa jaetaan kokemuksia ja tuetaan "
            "vanhemmuutta vauva-ajasta alkaen.",
            "En grupp för föräldrar till små barn där man delar erfarenheter och stöder "
            "föräldraskapet från spädbarnstiden.",
            "A group for parents of young children to share experiences and support "
            "parenthood from the baby years on.",
        ),
        "url": "https://www.mll.fi/",
    },
    {
        "code": "perheterapia",
        "name": ("Perheterapia", "Familjeterapi", "Family therapy"),
        "description": (
            "Koko perheen tapaamiset terapeutin kanssa: puhutaan siitä, mikä perheessä "
            "on vaikeaa, ja etsitään uusia tapoja toimia yhdessä.",
            "Hela familjen träffar en terapeut: man talar om det som är svårt i familjen "
            "och söker nya sätt att vara tillsammans.",
            "The whole family meets a therapist: we talk about what is hard in the family "
            "and look for new ways of being together.",
        ),
        "url": "",
    },
    {
        "code": "toimiva-lapsi-ja-perhe",
        "name": (
            "Toimiva lapsi & perhe",
            "Fungerande barn & familj",
            "Effective Child & Family",
        ),
        "description": (
            "Keskustelu, jossa vanhempi kertoo lapsen tilanteesta ja perheen voimavaroista, "
            "kun vanhemmalla itsellään on huolia tai sairaus.",
            "Ett samtal där föräldern berättar om barnets situation och familjens resurser "
            "när föräldern själv har bekymmer eller en sjukdom.",
            "A conversation in which a parent tells about the child's situation and the "
            "family's strengths when the parent has worries or an illness of their own.",
        ),
        "url": "https://www.kasvuntuki.fi/",
    },
    {
        "code": "voimaperheet",
        "name": ("Voimaperheet", "Voimaperheet (Strongest Families)", "Strongest Families"),
        "description": (
            "Puhelimessa ja verkossa annettava valmennus vanhemmille, kun lapsella on "
            "käytöksen haasteita.",
            "Handledning för föräldrar per telefon och på nätet när barnet har utmaningar "
            "med sitt beteende.",
            "Coaching for parents by phone and online when a child's behaviour is a challenge.",
        ),
        "url": "https://voimaperheet.fi/",
    },
    {
        "code": "neuvokas-perhe",
        "name": ("Neuvokas perhe", "Neuvokas perhe (Idérik familj)", "Smart Family"),
        "description": (
            "Keskustellaan perheen ruokailusta, liikkumisesta, unesta ja ruutuajasta, ja "
            "perhe valitsee itse, mitä haluaa muuttaa.",
            "Vi talar om familjens måltider, rörelse, sömn och skärmtid, och familjen "
            "väljer själv vad den vill ändra.",
            "We talk about the family's meals, exercise, sleep and screen time, and the "
            "family chooses what it wants to change.",
        ),
        "url": "https://www.neuvokasperhe.fi/",
    },
]


def add_methods(apps, schema_editor):
    Method = apps.get_model("planning", "Method")
    for order, item in enumerate(METHODS):
        name_fi, name_sv, name_en = item["name"]
        description_fi, description_sv, description_en = item["description"]
        Method.objects.update_or_create(
            code=item["code"],
            defaults={
                "name": name_fi,
                "name_fi": name_fi,
                "name_sv": name_sv,
                "name_en": name_en,
                "description": description_fi,
                "description_fi": description_fi,
                "description_sv": description_sv,
                "description_en": description_en,
                "url": item["url"],
                "order": order,
            },
        )


def remove_methods(apps, schema_editor):
    Method = apps.get_model("planning", "Method")
    Method.objects.filter(code__in=[m["code"] for m in METHODS], actions__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("planning", "0001_assessments_and_plans")]

    operations = [migrations.RunPython(add_methods, remove_methods)]
