"""`python run.py ...`: serve, web, scheduler, initdb, migrate, addons, users, jobs."""
from __future__ import annotations

import functools
import sys
import threading

import click

from core.plain_i18n import gettext as _cli   # the CLI's language is the process's (ERP_LANG)
from flask_babel import gettext as _

from core.addons import AddonError
from core.memory import give_back, settle
from core.errors import UserError


def make_app():
    from core.app import create_app
    return create_app()


def in_app(func):
    """Run the command inside an app context with the database open; refusals exit non-zero."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            app = make_app()
        except AddonError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        with app.app_context():
            database = app.extensions["erp"].database
            database.connect(reuse_if_open=True)
            try:
                return func(app, *args, **kwargs)
            except UserError as exc:
                click.echo(_("Error: %(message)s", message=str(exc)), err=True)
                sys.exit(1)
            finally:
                database.close()
    return wrapper


def _click_in_our_language():
    """Click's own words (Usage, Options, its errors) come from the standard library's gettext: point it at
    our catalog, in the process's language, so that a command's help and errors read in one language."""
    import gettext
    import os

    from core.plain_i18n import ROOT_I18N, locale_name
    os.environ["LANGUAGE"] = locale_name()
    gettext.bindtextdomain("messages", ROOT_I18N)
    gettext.textdomain("messages")


_click_in_our_language()


@click.group(help=_cli("Sales ERP command line. Every command has --help."))
def main():
    pass


def _start_services(app, stop):
    threads = []
    for addon, name, func in app.extensions["erp"].registry.services:
        thread = threading.Thread(target=func, args=(app, stop), name=f"{addon}:{name}", daemon=True)
        thread.start()
        threads.append(thread)
    return threads


@main.command(help=_cli("Serve everything in one process (one machine): web server, scheduler and station agents."))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=None, type=int, help=_cli("Default: ERP_PORT or 8069."))
@click.option("--threads", default=8, show_default=True)
def serve(host, port, threads):
    import waitress
    from core.jobs import build_scheduler
    app = make_app()
    stop = threading.Event()
    scheduler = build_scheduler(app, blocking=False)
    scheduler.start()
    _start_services(app, stop)
    port = port or app.config["ERP_PORT"]
    give_back()
    settle()
    click.echo(f"Serving on http://{host}:{port}")
    try:
        waitress.serve(app, host=host, port=port, threads=threads, ident="erp")
    finally:
        stop.set()
        scheduler.shutdown(wait=False)


@main.command(help=_cli("Serve the web application only (start several behind a proxy; run one scheduler apart)."))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=None, type=int)
@click.option("--threads", default=8, show_default=True)
def web(host, port, threads):
    import waitress
    app = make_app()
    give_back()
    settle()
    waitress.serve(app, host=host, port=port or app.config["ERP_PORT"], threads=threads, ident="erp")


@main.command(help=_cli("Run the job scheduler (exactly one per installation)."))
def scheduler():
    from core.jobs import build_scheduler
    build_scheduler(make_app(), blocking=True).start()


@main.command(help=_cli("Create or upgrade the schema of every addon, in dependency order."))
@in_app
def migrate(app):
    from core.install import migrate as run_migrations
    applied = run_migrations(app.extensions["erp"].registry, app.extensions["erp"].database)
    for addon, names in applied.items():
        for name in names:
            click.echo(f"{addon}: {name}")
    click.echo(_("The database is up to date."))


@main.command(help=_cli("Create the database; with --demo, a demo company, two plants and a user per role."))
@click.option("--demo", is_flag=True, help=_cli("Load demo data (documented users and passwords in README)."))
@click.option("--history", is_flag=True,
              help=_cli("With --demo: add fifteen months of past orders, shipments and payments (about a minute)."))
@in_app
def initdb(app, demo, history):
    from core.demo import load_demo
    from core.install import migrate as run_migrations
    kernel = app.extensions["erp"]
    run_migrations(kernel.registry, kernel.database)
    if demo:
        if history:
            click.echo(_("Writing the demo company with fifteen months of history…"))
        created = load_demo(kernel.registry, history_months=15 if history else 0)
        click.echo(_("Demo data loaded.") if created else _("Demo data was already there."))
    click.echo(_("The database is ready."))


@main.command(help=_cli("Write the next migration of ADDON from its models (for developers)."))
@click.argument("addon")
@click.option("--name", default="auto")
def makemigrations(addon, name):
    from core.db import bind, connect_url
    from core.install import make_migration, runner
    from core.kernel import load_registry
    registry = load_registry()
    if addon not in registry.all_addons:
        raise click.BadParameter(f"unknown addon {addon!r}", param_hint="ADDON")
    scratch = connect_url("sqlite:///:memory:")
    bind(scratch)
    for other in registry.all_addons[:registry.all_addons.index(addon)]:
        runner(registry, scratch, other).up()
    path = make_migration(registry, scratch, addon, name)
    click.echo(path or f"{addon}: no changes")


@main.group(help=_cli("List, enable and disable addons per plant."))
def addons():
    pass


@addons.command("list", help=_cli("All addons in dependency order, with their state in a plant."))
@click.option("--plant", "plant_code", help=_cli("Plant code; without it, only the installed versions."))
@in_app
def addons_list(app, plant_code):
    from core.models import InstalledAddon
    from core.plants import enabled_addons, plant_by_code
    registry = app.extensions["erp"].registry
    enabled = enabled_addons(plant_by_code(plant_code).id) if plant_code else None
    installed = {r.name: r.version for r in InstalledAddon.select()}
    for name in registry.order:
        spec = registry.specs[name]
        state = "" if enabled is None else (_("enabled") if name in enabled else _("disabled"))
        click.echo(f"{name:<14} {spec.version:<8} {installed.get(name, '-'):<8} {state:<9} "
                   f"{_('depends on')}: {', '.join(spec.depends) or '-'}")


@addons.command("enable", help=_cli("Enable ADDON (and what it needs) for a plant."))
@click.argument("name")
@click.option("--plant", "plant_code", required=True)
@in_app
def addons_enable(app, name, plant_code):
    from core.plants import enable, plant_by_code
    added = enable(app.extensions["erp"].registry, plant_by_code(plant_code), name)
    click.echo(_("Enabled: %(addons)s", addons=", ".join(added)) if added else _("Already enabled."))


@addons.command("disable", help=_cli("Disable ADDON for a plant; refused while an enabled addon needs it."))
@click.argument("name")
@click.option("--plant", "plant_code", required=True)
@in_app
def addons_disable(app, name, plant_code):
    from core.plants import disable, plant_by_code
    disable(app.extensions["erp"].registry, plant_by_code(plant_code), name)
    click.echo(_("%(addon)s disabled.", addon=name))


@main.group(help=_cli("Manage users."))
def users():
    pass


@users.command("create", help=_cli("Create a user."))
@click.argument("login")
@click.option("--name", required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--role", "roles", multiple=True, help=_cli("Role code; repeat for several."))
@click.option("--plant", "plants", multiple=True, help=_cli("Plant code; repeat for several."))
@click.option("--superuser", is_flag=True)
@click.option("--lang", default="zh_Hans_CN", type=click.Choice(["zh_Hans_CN", "en"]))
@in_app
def users_create(app, login, name, password, roles, plants, superuser, lang):
    from core.users import create_user
    user = create_user(login, name, password, roles=roles, plants=plants, superuser=superuser, lang=lang)
    click.echo(_("User %(login)s created.", login=user.login))


@main.group(help=_cli("API tokens for integrations (EDI, POS): create, list, revoke."))
def tokens():
    pass


@tokens.command("create", help=_cli("Create an API token for a user; it is printed once and never stored."))
@click.argument("login")
@click.option("--name", required=True, help=_cli("What the token is for, e.g. 'EDI from the wholesaler'."))
@in_app
def tokens_create(app, login, name):
    from core.api import tokens as api_tokens
    from core.models import User
    user = User.get_or_none((User.login == login) & (User.active == True))  # noqa: E712
    if user is None:
        raise click.BadParameter(_("There is no active user %(login)s.", login=login), param_hint="LOGIN")
    click.echo(api_tokens.issue(user, name))


@tokens.command("list", help=_cli("A user's tokens: id, name, prefix, created, last used, revoked."))
@click.argument("login")
@in_app
def tokens_list(app, login):
    from core.models import ApiToken, User
    for t in ApiToken.select().join(User).where(User.login == login).order_by(ApiToken.id):
        click.echo(f"{t.id}\t{t.name}\t{t.prefix}…\t{t.created_at:%Y-%m-%d %H:%M}Z\t"
                   f"{t.last_used_at or '-'}\t{_('revoked') if t.revoked_at else _('active')}")


@tokens.command("revoke", help=_cli("Revoke a user's token by its id (see `tokens list`)."))
@click.argument("login")
@click.argument("token_id", type=int)
@in_app
def tokens_revoke(app, login, token_id):
    from core.api import tokens as api_tokens
    from core.models import User
    user = User.get_or_none(User.login == login)
    if user is None or not api_tokens.revoke(user, token_id):
        click.echo(_("No such token of %(login)s.", login=login), err=True)
        sys.exit(1)
    click.echo(_("Token %(id)d revoked.", id=token_id))


def _plant_for_cli(code):
    from core.models import Plant
    from core.plants import plant_by_code
    if code:
        return plant_by_code(code)
    plants = list(Plant.select().where(Plant.active == True))  # noqa: E712
    if len(plants) != 1:
        raise UserError(_("Name the plant with --plant CODE."))
    return plants[0]


def _importer(app, name):
    entry = app.extensions["erp"].registry.importers.get(name)
    if entry is None:
        raise UserError(_("Nothing named %(name)s can be imported; choose one of: %(names)s.", name=name,
                          names=", ".join(sorted(app.extensions["erp"].registry.importers))))
    return entry[1]


@main.command("import", help=_cli("Import NAME (customers, products, prices, ...) from an Excel FILE: all rows or none."))
@click.argument("name")
@click.argument("path", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
@click.option("--plant", "plant_code", help=_cli("Plant code (needed when there are several plants)."))
@click.option("--dry-run", is_flag=True, help=_cli("Check every row and write nothing."))
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False), help=_cli("Write the bad rows to this workbook."))
@in_app
def import_command(app, name, path, plant_code, dry_run, errors_path):
    from core.context import acting_as
    from core.excel.importer import run_import
    from core.excel.writer import error_workbook
    spec = _importer(app, name)
    plant = _plant_for_cli(plant_code)
    with acting_as(None, plant):
        result = run_import(spec, path, plant, dry_run=dry_run)
    for problem in result.problems:
        click.echo(_("Row %(row)d, %(column)s: %(message)s", row=problem.row, column=problem.column or "-",
                     message=problem.message), err=True)
    if result.problems:
        if errors_path:
            with open(errors_path, "wb") as fh:
                fh.write(error_workbook(result))
        click.echo(_("%(count)d problems in %(total)d rows; nothing was imported.", count=len(result.problems),
                     total=result.total), err=True)
        sys.exit(1)
    if dry_run:
        click.echo(_("All %(total)d rows are valid; nothing was written (dry run).", total=result.total))
    else:
        click.echo(_("Imported %(total)d rows: %(created)d new, %(updated)d updated.", total=result.total,
                     created=result.created, updated=result.updated))


@main.command("export", help=_cli("Export NAME (customers, products, prices, ...) of a plant to an Excel FILE."))
@click.argument("name")
@click.argument("path", metavar="FILE", type=click.Path(dir_okay=False))
@click.option("--plant", "plant_code", help=_cli("Plant code (needed when there are several plants)."))
@in_app
def export_command(app, name, path, plant_code):
    from core.excel.writer import export
    from core.i18n import select_locale
    spec = _importer(app, name)
    plant = _plant_for_cli(plant_code)
    with open(path, "wb") as fh:
        fh.write(export(spec, plant, str(select_locale())))
    click.echo(path)


@main.group(help=_cli("Scheduled jobs."))
def jobs():
    pass


@jobs.command("list", help=_cli("Registered jobs and their schedules."))
@in_app
def jobs_list(app):
    for job in app.extensions["erp"].registry.jobs.values():
        click.echo(f"{job.id:<36} {job.addon:<12} {job.trigger} {job.trigger_args}")


@jobs.command("run", help=_cli("Run one job now, for every plant that enables its addon."))
@click.argument("job_id")
def jobs_run(job_id):
    from core.jobs import Skipped, run_job, shown
    app = make_app()
    if job_id not in app.extensions["erp"].registry.jobs:
        raise click.BadParameter(f"unknown job {job_id!r}", param_hint="JOB_ID")
    runs = run_job(app, job_id)
    with app.app_context():
        for run in runs:
            if isinstance(run, Skipped):
                since = run.since.isoformat(timespec="seconds") + "Z" if run.since else "?"
                click.echo(_("%(job)s skipped: running elsewhere (%(owner)s, since %(since)s)",
                             job=job_id, owner=run.owner or "?", since=since) if run.reason == "running" else
                           _("%(job)s %(plant)s skipped: this slot ran at %(since)s",
                             job=job_id, plant=getattr(run.plant, "code", "-"), since=since))
                continue
            click.echo(f"{job_id} {getattr(run.plant, 'code', '-')} {'ok' if run.ok else 'FAILED'} "
                       f"{run.duration_s:.3f}s {shown(run)}")
    sys.exit(0 if all(isinstance(r, Skipped) or r.ok for r in runs) else 1)


def run():
    """Entry point: the kernel's commands plus those addons register."""
    try:
        from core.kernel import load_registry
        for command in load_registry().cli_commands:
            main.add_command(command)
    except AddonError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    main()
