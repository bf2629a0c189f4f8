"""Reading the data: YAML files → validated models → one Handbook object."""
