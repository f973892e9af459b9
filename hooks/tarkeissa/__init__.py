"""The publishing system of Tärkeissä töissä: content (schema, validation), pages (the page model), engine
(the build, through MkDocs) and editors (check, new, format, the web editor). hooks/mkdocs_hooks.py routes
MkDocs' events to it."""
