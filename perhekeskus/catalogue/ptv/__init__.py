"""Import from the Suomi.fi Finnish Service Catalogue (PTV) open API."""
