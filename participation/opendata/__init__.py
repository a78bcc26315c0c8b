"""Open data: public ideas and answers as CSV and JSON under CC0, with a DCAT catalogue."""
