"""The DCAT-AP-NL description of the open data (JSON-LD), for data.overheid.nl to harvest."""

from datetime import datetime

from flask import current_app
from flask_babel import force_locale

from participation.core.urls import external_url
from participation.opendata.datasets import DATASETS, FORMATS

CC0 = "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"
DUTCH = "http://publications.europa.eu/resource/authority/language/NLD"
FILE_TYPES = {
    "csv": "http://publications.europa.eu/resource/authority/file-type/CSV",
    "json": "http://publications.europa.eu/resource/authority/file-type/JSON",
}
# The owms theme DCAT-AP-NL uses for citizen participation and government.
THEME = "http://standaarden.overheid.nl/owms/terms/Bestuur"
DAILY = "http://publications.europa.eu/resource/authority/frequency/DAILY"
PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _ref(iri: str) -> dict:
    return {"@id": iri}


def _date(value: datetime) -> dict:
    return {"@value": value.replace(microsecond=0).isoformat() + "Z", "@type": "xsd:dateTime"}


def _distribution(name: str, extension: str, info: dict, now: datetime) -> dict:
    url = external_url("opendata.download", name=f"{name}.{extension}")
    return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": f"{name}.{extension}",
        "dcat:accessURL": _ref(external_url("opendata.index")),
        "dcat:downloadURL": _ref(url),
        "dcat:mediaType": _ref(
            f"https://www.iana.org/assignments/media-types/{FORMATS[extension]}"
        ),
        "dct:format": _ref(FILE_TYPES[extension]),
        "dct:license": _ref(CC0),
        "dcat:byteSize": {"@value": str(info["bytes"]), "@type": "xsd:nonNegativeInteger"},
        "dct:modified": _date(now),
    }


def catalogue(manifest: dict, now: datetime) -> dict:
    """In Dutch, the language of the data and of data.overheid.nl."""
    config = current_app.config
    publisher = {
        "@id": config["BASE_URL"].rstrip("/") + "/#publisher",
        "@type": "foaf:Agent",
        "foaf:name": config["MUNICIPALITY_NAME"],
    }
    contact = {
        "@type": "vcard:Organization",
        "vcard:fn": config["MUNICIPALITY_NAME"],
        "vcard:hasURL": _ref(external_url("ideas.home")),
    }
    with force_locale("nl"):
        datasets = [
            {
                "@id": external_url("opendata.index") + f"#{dataset.name}",
                "@type": "dcat:Dataset",
                "dct:identifier": external_url("opendata.index") + f"#{dataset.name}",
                "dct:title": {"@value": str(dataset.title), "@language": "nl"},
                "dct:description": {"@value": str(dataset.description), "@language": "nl"},
                "dct:language": _ref(DUTCH),
                "dct:license": _ref(CC0),
                "dct:accessRights": _ref(PUBLIC),
                "dct:accrualPeriodicity": _ref(DAILY),
                "dct:publisher": publisher,
                "dcat:contactPoint": contact,
                "dcat:theme": _ref(THEME),
                "dct:modified": _date(now),
                "dcat:landingPage": _ref(external_url("opendata.index")),
                "dcat:distribution": [
                    _distribution(dataset.name, extension, manifest["files"][name], now)
                    for extension in FORMATS
                    if (name := f"{dataset.name}.{extension}") in manifest["files"]
                ],
            }
            for dataset in DATASETS
        ]
        title = f"Inspraak {config['MUNICIPALITY_NAME']}"
    return {
        "@context": CONTEXT,
        "@id": external_url("opendata.catalogue"),
        "@type": "dcat:Catalog",
        "dct:title": {"@value": title, "@language": "nl"},
        "dct:publisher": publisher,
        "dct:license": _ref(CC0),
        "dct:language": _ref(DUTCH),
        "dct:modified": _date(now),
        "foaf:homepage": _ref(external_url("ideas.home")),
        "dcat:dataset": datasets,
    }
