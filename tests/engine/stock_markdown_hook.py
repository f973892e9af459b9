"""A test's extra hook: a new Markdown instance for every page (as MkDocs' own Page.render makes one),
undoing the build's shared instance, to compare the two."""

from unittest import mock

from tarkeissa.engine import renderer

_shared_render = renderer.SharedMarkdown.render


def _fresh_render(self, *args, **kwargs):
    self.forget()  # the next conversion makes its instance anew
    return _shared_render(self, *args, **kwargs)


# for the whole build this hook is loaded in (a patch, as a test replaces a method)
mock.patch.object(renderer.SharedMarkdown, "render", _fresh_render).start()
