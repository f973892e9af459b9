"""A test's extra hook: every page is rendered by MkDocs' own `Page.render` again (a new Markdown
instance per page), undoing the build's shared instance, to compare the two."""


def on_pre_page(page, config, files):
    page.__dict__.pop("render", None)
    return page
