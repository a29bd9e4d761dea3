"""The Jinja2 environment: templates from the project's ``templates/``, autoescaped and strict."""

from __future__ import annotations

from pathlib import Path

import jinja2

from .context import Page, SiteInfo, long_date
from .errors import Location, ReadoutError
from .urls import relative_url


@jinja2.pass_context
def relurl(context, target: str) -> str:
    """Jinja filter: ``{{ 'people/' | relurl }}`` from the page being rendered (from the 404
    page, which is served at any depth, an absolute path where the site's root is known)."""
    page = context["page"]
    return relative_url(target, page.url) if not getattr(page, "base", "") else page.base + relative_url(target, "")


def make_environment(templates_dir: Path, auto_reload: bool = False) -> jinja2.Environment:
    """The environment every page renders in. A build's templates do not change while it
    runs, so by default they are not checked for changes at every page (``auto_reload``,
    for an environment kept between builds, checks them)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        auto_reload=auto_reload,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["relurl"] = relurl
    env.filters["long_date"] = long_date
    return env


def render_page(env: jinja2.Environment, page: Page, info: SiteInfo, layout: str = "base.html") -> str:
    """One page's HTML; a template mistake is a ``ReadoutError`` naming its file and line.
    ``layout`` "body.html" gives the content alone, for shells that draw their own chrome
    around readout's pages (the Material theme)."""
    try:
        return env.get_template(page.template).render(page=page, site=info, layout=layout)
    except jinja2.TemplateSyntaxError as error:
        raise ReadoutError(f"template syntax error: {error.message}",
                           Location(f"templates/{error.name or page.template}", error.lineno),
                           "fix the template; the last good site is kept") from None
    except jinja2.UndefinedError as error:
        raise ReadoutError(f"template uses an undefined name: {error.message}",
                           Location(*(template_frame(error) or (f"templates/{page.template}",))),
                           "templates may use only what readout.context documents for this page") from None
    except jinja2.TemplateNotFound as error:
        raise ReadoutError(f"template not found: {error.name}", Location(f"templates/{page.template}"),
                           "restore it in templates/ (see the project's git history)") from None
    except Exception as error:
        where = template_frame(error)
        if where is None:
            raise  # not raised by template code: a bug of readout's, shown as such
        raise ReadoutError(f"template error: {type(error).__name__}: {error}", Location(*where),
                           "fix the expression on that line; the last good site is kept") from None


def template_frame(error: Exception) -> tuple[str, int] | None:
    """The template file (as ``templates/…``) and line the innermost template frame of
    ``error``'s traceback was running, or None when no template code raised it."""
    tb, found = error.__traceback__, None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".html"):
            found = ("templates/" + name.replace("\\", "/").split("/templates/")[-1], tb.tb_lineno)
        tb = tb.tb_next
    return found
