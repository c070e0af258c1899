"""Starta en kunskapsbank för en annan region: skriv ett nytt förråd med koden, regionens inställningar
(region.yml) och ett innehåll att börja från.

Utan flaggor frågar skriptet efter regionens namn, länet, kommunerna och förrådets adress på GitHub.
Med flaggor körs det utan frågor, till exempel:

  .venv/bin/python scripts/new_region.py --namn "Region <namn>" --lan "<namn> län" \\
      --kommuner "<kommun>, <kommun>, <kommun>" --kallkod https://github.com/<konto>/<förråd> --mal ../kunskapsbank

Det nya förrådet får samma kod som det här (macros/, scripts/, tests/, temat, Makefile och GitHub-filerna),
sidorna som alla regioner delar (guiden, kartorna, ämnessidorna, tillgänglighetsredogörelsen), en sida av
varje sort som tydligt märkt exempel (scripts/region_skeleton/), en README och en första commit. Sedan
gäller README:s två kommandon där: make serve och make test.
"""

import argparse
import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

from code_branch import BRANCH, write_code_branch

from macros.model.names import slugify
from macros.model.region_file import load_region

ROOT = Path(__file__).resolve().parent.parent
SKELETON = Path("scripts", "region_skeleton")
UPSTREAM_REMOTE = "kunskapsbanken"  # the remote a region takes new versions of the code from
README_SHARED_FROM = "## Två kommandon"  # the README from here on is the code's, the same for every region


def yaml_text(value: str) -> str:
    """A YAML double-quoted scalar: any text an answer holds stays text."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def region_yml(name: str, county: str, municipalities: list[str], repository: str) -> str:
    """The skeleton's region.yml with the answers: its lists are a start the region rewrites."""
    ids = {slugify(m): m for m in municipalities}
    template = (ROOT / SKELETON / "region.yml").read_text(encoding="utf-8")
    answers = {
        "@NAMN@": yaml_text(name),
        "@LAN@": yaml_text(county),
        "@KALLKOD@": yaml_text(repository),
        "@BESKRIVNING@": yaml_text(
            f"Strategier, principer, styrning, berättelser och indikatorer för omställningen till God och nära "
            f"vård i {county}."
        ),
        "@UPPHOVSRATT@": yaml_text(
            f"En sammanställning av dokument från {name}, länets kommuner och offentliga källor"
        ),
        "@FORFATTARE@": yaml_text(f"Kommunikatör, {name}"),
        "@KOMMUNER@": "\n".join(f"  {ident}: {yaml_text(label)}" for ident, label in ids.items()),
    }
    for placeholder, value in answers.items():
        template = template.replace(placeholder, value)
    return template


def readme(name: str, county: str, shared: str) -> str:
    return (
        "# Kunskapsbanken för God och nära vård\n\n"
        f"{name} och kommunerna i {county} ställer tillsammans om till en God och nära vård. Kunskapsbanken "
        "samlar strategierna, principerna, styrningen, berättelserna och indikatorerna, länkade till varandra "
        "och med källan angiven på varje sida.\n\n"
        "Förrådet startades med `make ny-region` från kunskapsbanken för God och nära vård. Regionens namn, "
        "kommuner, planer, ämnesord, källdokument och färger står i `region.yml`; koden är densamma som i "
        "förrådet den kom ifrån, så en ny version av koden tas in med en sammanslagning (se *Ta in en ny "
        "version*).\n\n"
        "Webbplatsen är statisk och sökbar, fungerar på intranät och utan internet, och hämtar ingenting "
        "från andra servrar.\n\n" + shared
    )


def write_repository(
    target: Path, name: str, county: str, municipalities: list[str], repository: str, upstream: str
) -> None:
    """A new repository on the code branch of `upstream` (scripts/code_branch.py), with the region's own
    files in one commit on top: a later version of the code is then a merge of the code branch."""
    today = datetime.date.today().isoformat()
    git = ["git", "-c", "user.name=Kunskapsbanken", "-c", "user.email=kunskapsbanken@example.invalid"]

    def run(*args: str) -> None:
        subprocess.run(args, cwd=target, check=True, capture_output=True)

    run("git", "init", "-q", "-b", "main")
    run("git", "remote", "add", UPSTREAM_REMOTE, upstream)
    run("git", "fetch", "-q", UPSTREAM_REMOTE, BRANCH)
    run("git", "reset", "-q", "--hard", f"{UPSTREAM_REMOTE}/{BRANCH}")
    for path in sorted((ROOT / SKELETON).rglob("*")):
        rel = path.relative_to(ROOT / SKELETON)
        if path.is_dir() or rel.as_posix() in ("README.md", "region.yml"):
            continue
        text = path.read_text(encoding="utf-8")
        text = text.replace("@IDAG@", today)
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        (target / rel).write_text(text, encoding="utf-8")
    (target / "region.yml").write_text(region_yml(name, county, municipalities, repository), encoding="utf-8")
    shared = (target / "README.md").read_text(encoding="utf-8")
    (target / "README.md").write_text(readme(name, county, shared[shared.index(README_SHARED_FROM) :]), "utf-8")
    load_region(target / "region.yml")  # the answers make a region the build accepts, or say what is wrong
    env = dict(os.environ, PYTHONPATH=str(target))
    env.pop("KB_REGION", None)
    subprocess.run([sys.executable, "scripts/issue_form.py"], cwd=target, env=env, check=True, capture_output=True)
    run("git", "add", "-A")
    run(*git, "commit", "-q", "-m", f"Ny kunskapsbank för {name}")


def ask(question: str, default: str = "") -> str:
    shown = f" [{default}]" if default else ""
    answer = input(f"{question}{shown}: ").strip()
    return answer or default


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--namn", help='regionens namn, "Region …"')
    parser.add_argument("--lan", help='länets namn, "… län"')
    parser.add_argument("--kommuner", help="kommunerna, åtskilda med kommatecken")
    parser.add_argument("--kallkod", help="förrådets adress på GitHub, https://github.com/…")
    parser.add_argument("--mal", type=Path, help="mappen där det nya förrådet skrivs (ny eller tom)")
    parser.add_argument(
        "--fran",
        help=f"förrådet vars gren {BRANCH} koden hämtas från, en adress eller mapp (standard: det här förrådet, "
        f"vars gren {BRANCH} skrivs först)",
    )
    args = parser.parse_args(argv)
    interactive = sys.stdin.isatty()
    name = args.namn or (ask("Regionens namn (Region …)") if interactive else "")
    county = args.lan or (ask("Länets namn", name.removeprefix("Region ").strip()) if interactive else "")
    listed = args.kommuner or (ask("Kommunerna, åtskilda med kommatecken") if interactive else "")
    repository = args.kallkod or (ask("Förrådets adress på GitHub (https://github.com/…)") if interactive else "")
    target = args.mal or (Path(ask("Mapp för det nya förrådet", "../kunskapsbank")) if interactive else None)
    municipalities = [m.strip() for m in listed.split(",") if m.strip()]
    missing = [
        flag
        for flag, value in (
            ("--namn", name),
            ("--lan", county),
            ("--kommuner", municipalities),
            ("--kallkod", repository),
            ("--mal", target),
        )
        if not value
    ]
    if missing:
        print(f"Svar saknas: {', '.join(missing)}. Ange dem som flaggor eller kör skriptet i en terminal.")
        return 2
    assert target is not None
    target = target.resolve()
    if target.exists() and any(target.iterdir()):
        print(f"{target} finns redan och är inte tom. Välj en ny mapp med --mal.")
        return 2
    target.mkdir(parents=True, exist_ok=True)
    upstream = args.fran
    if upstream is None:
        write_code_branch(ROOT)
        upstream = str(ROOT)
    try:
        write_repository(target, name, county, municipalities, repository, upstream)
    except Exception as error:  # noqa: BLE001 - the answers or the copy failed: say which, leave nothing half-made
        shutil.rmtree(target, ignore_errors=True)
        print(f"Förrådet kunde inte skrivas: {error}")
        return 1
    print(f"Ett nytt förråd för {name} finns i {target}.")
    print("Nästa steg: gå dit och kör make serve (visar webbplatsen) och make test (alla tester).")
    print("Byt sedan exemplen mot regionens eget innehåll; README säger hur.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
