"""The files that tell each host how to serve the site: headers and the per-language 404.

Owns: ``_headers`` and ``_redirects`` (Netlify, Cloudflare Pages; the build writes them into the
site) and the nginx server block for self-hosting (deploy/nginx/kits.conf, written by
``scripts/dev/deploy_config.py``; a test fails when the committed file is not what this writes).
Each serves :func:`kitsite.render.security.security_headers` on every answer, and answers an
unknown address under a language's folder (``/en/…``) with status 404 and that language's
404 page, any other with the default language's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

NOT_FOUND = "404.html"


def headers_file(headers: Mapping[str, str]) -> str:
    """``_headers``: the headers for every address."""
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())


def redirects_file(languages: Iterable[str], default_language: str, base_path: str = "/") -> str:
    """``_redirects``: the 404 page of each language (a rule applies only where no file
    matches; the more specific rules come first)."""
    lines = [f"{base_path}{lang}/*  {base_path}{lang}/{NOT_FOUND}  404"
             for lang in languages if lang != default_language]
    lines.append(f"{base_path}*  {base_path}{NOT_FOUND}  404")
    return "\n".join(lines) + "\n"


def nginx_server_block(headers: Mapping[str, str], languages: Iterable[str],
                       default_language: str) -> str:
    """The nginx ``server { … }`` block that serves a built site/ (see its opening comment)."""
    header_lines = "".join(f'    add_header {name} "{value}" always;\n'
                           for name, value in headers.items())
    language_blocks = "".join(
        f"    location /{lang}/ {{\n"
        f"        error_page 404 /{lang}/{NOT_FOUND};\n"
        f"    }}\n"
        for lang in languages if lang != default_language)
    return f"""\
# The materials site on nginx (self-hosting, e.g. a hospital intranet).
# Written by scripts/dev/deploy_config.py from kitsite/render/hosting.py and security.py: do not
# edit by hand; run `.venv/bin/python scripts/dev/deploy_config.py` after changing either, or after
# adding a video on another service (the policy allows frames from its player only).
# Use: build with `make site SITE_URL=https://materialer.example.dk/`, copy site/ to root,
# put this file in /etc/nginx/conf.d/ (or sites-enabled/), set server_name, listen and root
# (and TLS: `listen 443 ssl;` with ssl_certificate lines), then `nginx -t && nginx -s reload`.
server {{
    listen 80;
    server_name materialer.example.dk;
    root /var/www/kits/site;
    index index.html;
    charset utf-8;
    absolute_redirect off;
    server_tokens off;
    gzip on;
    gzip_types text/css application/javascript application/json image/svg+xml text/xml
               application/xml text/vtt;

    # every answer, error pages too ("always")
{header_lines}
    # an unknown address answers 404 with the page of its language; a folder's address
    # without its slash is redirected to it (nginx's own rule), so relative links work
    error_page 404 /{NOT_FOUND};
    location / {{
    }}
    # the other hosts' files are not pages
    location = /_headers {{
        return 404;
    }}
    location = /_redirects {{
        return 404;
    }}
{language_blocks}}}
"""
