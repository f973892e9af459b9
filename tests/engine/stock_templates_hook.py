"""A test's extra hook: every page renders every block of Material's templates itself again, and
Jinja looks at each template's file on every include, undoing the build's shared blocks
(compat.share_blocks), to compare the two."""

import jinja2


def on_env(env, config, files):
    env.template_class = jinja2.Template
    env.auto_reload = True
    return env
