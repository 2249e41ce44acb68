"""Open Referral HSDS 3.0: the public API, the serialisers and the importer.

The catalogue's fi/sv/en texts, PTV ids and municipality codes travel in the
fields of the catalogue's HSDS profile (``docs/hsds-profile/``).
"""
