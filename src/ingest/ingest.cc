// placeholder: registry, Ingest and ClientResolver land here
