"""Where files are checked: local processes or a Dask cluster."""
