"""Exchange with other systems: FHIR R4 bundles (export and import), CSV for spreadsheets, and the
per-intake files of `intake-app export --out FOLDER`.

Plain Python over the domain and the screening: no storage, no Qt. The services turn stored records
into `ExportItem`s and store what `from_fhir_bundle` returns. See docs/exchange.md.
"""

from intake_app.exchange.cells import neutralise
from intake_app.exchange.csv_export import csv_bytes, csv_columns, write_csv
from intake_app.exchange.fhir_export import fhir_entries, questionnaire_resource, to_fhir_bundle, write_fhir_bundle
from intake_app.exchange.fhir_import import from_fhir_bundle, is_fhir_bundle
from intake_app.exchange.items import ExchangeError, ExchangeInvalid, ExportItem, ImportedIntake
from intake_app.exchange.output import documents_json, file_name, intake_bytes, json_bytes, write_per_intake

__all__ = [
    "ExchangeError",
    "ExchangeInvalid",
    "ExportItem",
    "ImportedIntake",
    "csv_bytes",
    "csv_columns",
    "documents_json",
    "fhir_entries",
    "file_name",
    "from_fhir_bundle",
    "intake_bytes",
    "is_fhir_bundle",
    "json_bytes",
    "neutralise",
    "questionnaire_resource",
    "to_fhir_bundle",
    "write_csv",
    "write_fhir_bundle",
    "write_per_intake",
]
