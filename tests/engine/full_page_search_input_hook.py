"""A test's extra hook: Pagefind reads every page whole (a hard link), as before pages were cut to
what it indexes (search_runs.search_input), to compare the two indexes."""

from unittest import mock

from tarkeissa.engine import search_runs

# for the whole build this hook is loaded in (a patch, as a test replaces a function)
mock.patch.object(search_runs, "search_input", lambda page_html: None).start()
