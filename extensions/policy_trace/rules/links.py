"""Links: dead targets (PT101), wrong target types (PT102), missing links (PT103), cycles (PT104)."""

from __future__ import annotations

import difflib
from collections import deque
from collections.abc import Iterator

from .. import model
from ..items import Item, Programme
from ..koppelingen import is_coupled
from ..outcome import CheckContext
from .common import coupled_targets, describe_types, link_allowed
from .ids import suggested_id
from .rule import Problem, rule

#: At most this many IDs of a cycle are spelled out in its message.
_CYCLE_SHOWN = 8


@rule(
    "PT101",
    "error",
    summary="Een koppeling verwijst naar een ID dat niet bestaat.",
    fix="Verbeter de spelling van het ID, of maak het item waarnaar je verwijst aan.",
    example="""\
```{effect} Minder woningbranden
:id: EF-MINDER-BRANDEN
:draagt_bij_aan: SD-BRANDEN
```
""",
)
def dead_links(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A link points to an ID that does not exist."""
    for item in programme:
        for link_name, targets in item.links.items():
            rule = link_allowed(item, link_name)
            if rule is None:
                continue  # the whole option is wrong here: PT102 says so once
            for target in targets:
                if target in programme.items or is_coupled(target):
                    continue  # a coupled item's ID: below
                hint = _dead_link_hint(programme, target, rule.targets)
                if hint.startswith(";"):  # the hint is the whole fix
                    yield Problem(
                        item,
                        f"'{link_name}' verwijst naar '{target}', maar er is geen item met dat ID.",
                        hint[1:].strip(),
                    )
                    continue
                yield Problem(
                    item,
                    f"'{link_name}' verwijst naar {target}, maar er is geen item met dat ID.",
                    f"verbeter het ID{hint}, of maak een {describe_types(rule.targets)} met ID {target} aan.",
                )
    for item in programme:
        for coupled in coupled_targets(item, context):
            rule = link_allowed(item, coupled.link)
            if coupled.copy is None or coupled.item is not None or rule is None:
                continue  # no readable copy: PT111
            publication = coupled.copy.publication
            candidates = [i.id for i in coupled.copy.items.values() if i.type in rule.targets]
            guess = difflib.get_close_matches(coupled.reference.id, candidates, n=1, cutoff=0.75)
            hint = f" (bedoel je {coupled.reference.alias}:{guess[0]}?)" if guess else ""
            yield Problem(
                item,
                f"'{coupled.link}' verwijst naar {coupled.value}, maar {publication.name}"
                f"{_version_words(publication.version)} heeft geen item met ID {coupled.reference.id}.",
                f"verbeter het ID{hint}, of haal met policy-trace koppel een versie op die het item heeft.",
            )


def _version_words(version: str) -> str:
    return f" (versie {version})" if version else ""


def _dead_link_hint(programme: Programme, target: str, types: tuple[str, ...]) -> str:
    """What the author probably meant by a link to ``target``: in brackets, or after ``;`` for a whole fix."""
    parts = target.replace(";", " ").split()
    if len(parts) > 1 and all(part.strip(",") in programme.items for part in parts):
        joined = ", ".join(part.strip(",") for part in parts)
        return (
            f"; scheid ID's met een komma: een spatie maakt van {len(parts)} ID's één onbekend ID; "
            f"schrijf '{joined}'"
        )
    candidates = [other.id for other in programme.of_type(*types)]
    guess = difflib.get_close_matches(target, candidates, n=1, cutoff=0.75)
    if not guess:
        return ""
    found = programme.items[guess[0]]
    item_type = found.item_type
    if item_type is not None and not item_type.id_pattern.fullmatch(found.id):
        # The item it resembles has an ID that is itself wrong (PT105): name the ID it should get.
        better = suggested_id(found.id, item_type)
        if better == target:
            return (
                f"; het item heet nog {found.id}, een ID dat niet past (PT105): geef het het ID {target}, "
                "dan klopt deze verwijzing"
            )
        return f" (bedoel je het item {found.id}? Geef dat het ID {better} (PT105) en verwijs naar {better})"
    return f" (bedoel je {guess[0]}?)"


@rule(
    "PT102",
    "error",
    summary="Een koppeling verwijst naar een soort item die deze koppeling vanuit dit type niet toestaat.",
    fix=(
        "Verwijs naar een item van een toegestaan type, of gebruik de koppeling die bij deze twee typen "
        "hoort."
    ),
    example="""\
```{effect} Minder slachtoffers
:id: EF-SLACHTOFFERS
:draagt_bij_aan: IN-PREVENTIE
```
""",
)
def wrong_target_types(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A link this type may not have, or a target of a type the link does not allow."""
    for item in programme:
        if item.item_type is None:
            continue
        for link_name, targets in item.links.items():
            rule = link_allowed(item, link_name)
            if rule is None:
                yield _link_not_for_type(programme, item, link_name, targets)
                continue
            for target in programme.outgoing(item, link_name):
                if target.type not in rule.targets:
                    yield _wrong_target(item, link_name, rule, target)
        for coupled in coupled_targets(item, context):
            rule = link_allowed(item, coupled.link)
            if coupled.item is not None and rule is not None and coupled.item.type not in rule.targets:
                yield Problem(
                    item,
                    f"'{coupled.link}' verwijst naar {coupled.value} ({coupled.item.type} in "
                    f"{coupled.copy.publication.name if coupled.copy else coupled.reference.alias}); vanuit "
                    f"een {item.type} mag dat alleen naar: {', '.join(rule.targets)}.",
                    f"verwijs met '{coupled.link}' naar een {describe_types(rule.targets)} van dat "
                    "programma.",
                )


def _link_not_for_type(programme: Programme, item: Item, link_name: str, targets: tuple[str, ...]) -> Problem:
    own = [link.name for link in model.links_from(item.type)]
    allowed = ", ".join(f"'{name}'" for name in own) if own else "geen enkele koppeling"
    target_types = {t.type for t in programme.outgoing(item, link_name)}
    fix = f"haal ':{link_name}:' weg"
    alternative = next(
        (name for name in own if target_types and all(_allows(item.type, name, t) for t in target_types)),
        None,
    )
    if alternative:
        fix += f" of gebruik ':{alternative}:'"
    reverse = [t.id for t in programme.outgoing(item, link_name) if _allows(t.type, link_name, item.type)]
    if reverse:
        fix += f", of laat {', '.join(reverse)} met ':{link_name}:' naar {item.id} verwijzen"
    return Problem(
        item,
        f"een {item.type} kan geen koppeling '{link_name}' hebben (naar {', '.join(targets)}); "
        f"vanuit een {item.type} kan: {allowed}.",
        fix + ".",
    )


def _wrong_target(item: Item, link_name: str, rule: model.LinkRule, target: Item) -> Problem:
    fix = f"verwijs met '{link_name}' naar een {describe_types(rule.targets)}"
    reverse = next(
        (link.name for link in model.links_from(target.type) if _allows(target.type, link.name, item.type)),
        None,
    )
    if reverse:
        fix += f", en laat {target.id} hierheen verwijzen met '{reverse}'"
    return Problem(
        item,
        f"'{link_name}' verwijst naar {target.id} ({target.type}); vanuit een {item.type} "
        f"mag dat alleen naar: {', '.join(rule.targets)}.",
        fix + ".",
    )


def _allows(source_type: str, link_name: str, target_type: str) -> bool:
    rule = model.LINKS_BY_NAME[link_name].rule_for(source_type)
    return rule is not None and target_type in rule.targets


@rule(
    "PT103",
    "error",
    summary="Een verplichte koppeling ontbreekt.",
    fix="Voeg de verplichte koppeling toe en controleer de spelling van de optienaam.",
    example="""\
```{effect} Minder uitrukken
:id: EF-UITRUKKEN
```
""",
)
def missing_links(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A required link is missing, or a link allowing exactly one target has more."""
    for item in programme:
        for link, allowed in model.link_rules_from(item.type):
            # Every written target counts, dead or of a wrong type: those are
            # PT101 and PT102, and one problem gets one message.
            targets = tuple(dict.fromkeys(item.links.get(link.name, ())))
            what = describe_types(allowed.targets)
            exactly = allowed.maximum == allowed.minimum == 1
            if len(targets) < allowed.minimum:
                how_many = "precies één" if exactly else "minstens één"
                yield Problem(
                    item,
                    f"de verplichte koppeling '{link.name}' ontbreekt: een {item.type} "
                    f"{link.outgoing} {how_many} {what}.",
                    f"voeg ':{link.name}: <ID van een {what}>' toe, en controleer de "
                    "spelling van de optienaam.",
                )
            elif allowed.maximum is not None and len(targets) > allowed.maximum:
                at_most = "één" if allowed.maximum == 1 else str(allowed.maximum)
                yield Problem(
                    item,
                    f"'{link.name}' verwijst naar {len(targets)} items ({', '.join(targets)}), maar een "
                    f"{item.type} {link.outgoing} {'precies' if exactly else 'hoogstens'} {at_most} {what}.",
                    f"laat ':{link.name}:' naar {at_most} {what} verwijzen.",
                )


@rule(
    "PT104",
    "error",
    summary="De ketenkoppelingen (draagt_bij_aan, voert_uit, geleverd_door, hoort_bij) vormen een kring.",
    fix=(
        "Laat de keten van doelen, inspanningen en resultaten één kant op lopen: haal één koppeling van de "
        "kring weg."
    ),
    example="""\
```{doel} Veilige wijken
:id: SD-WIJKEN
:draagt_bij_aan: SD-STEDEN
```

```{doel} Veilige steden
:id: SD-STEDEN
:draagt_bij_aan: SD-WIJKEN
```

```{criterium} Veiligheidsgevoel
:id: CR-GEVOEL
:meet: SD-WIJKEN, SD-STEDEN
```
""",
)
def chain_cycles(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A cycle along the chain links; one finding per cycle, on its smallest ID.

    Only links that PT101/PT102 accept form the graph, so a wrong link gives
    one message, not two. Tarjan's algorithm, iterative, keeps this linear in
    the number of items and links, and safe from Python's recursion limit.
    """
    graph = _chain_graph(programme)
    for component in _strongly_connected(graph):
        start = min(component)
        if len(component) == 1 and start not in {t for t, _ in graph[start]}:
            continue
        members = set(component)
        inside = sum(1 for node in component for target, _ in graph[node] if target in members)
        if inside > len(component):
            # More links than items: several cycles share items (a figure eight, …). One finding
            # names them all, with links whose removal breaks every cycle at once.
            yield _tangle_finding(programme, start, members, graph)
            continue
        path = _cycle_path(graph, start, members)
        yield _cycle_finding(programme, path)


def _chain_graph(programme: Programme) -> dict[str, list[tuple[str, str]]]:
    graph: dict[str, list[tuple[str, str]]] = {}
    for item in programme:
        edges = graph.setdefault(item.id, [])
        for link_name in model.CHAIN_LINKS:
            rule = link_allowed(item, link_name)
            if rule is None:
                continue
            for target in programme.outgoing(item, link_name):
                if target.type in rule.targets:
                    edges.append((target.id, link_name))
    return graph


def _strongly_connected(graph: dict[str, list[tuple[str, str]]]) -> Iterator[list[str]]:
    index: dict[str, int] = {}
    lowlink: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = lowlink[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            edges = graph[node]
            descended = False
            while position < len(edges):
                target = edges[position][0]
                position += 1
                if target not in index:
                    work.append((node, position))
                    work.append((target, 0))
                    descended = True
                    break
                if target in on_stack:
                    lowlink[node] = min(lowlink[node], index[target])
            if descended:
                continue
            if lowlink[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                yield component
            if work:
                parent = work[-1][0]
                lowlink[parent] = min(lowlink[parent], lowlink[node])


def _cycle_path(
    graph: dict[str, list[tuple[str, str]]], start: str, members: set[str]
) -> list[tuple[str, str]]:
    """The shortest way round from ``start`` inside its component: (item, link to next) pairs."""
    previous: dict[str, tuple[str, str]] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target, link_name in graph[node]:
            if target not in members:
                continue
            if target == start:
                path = [(node, link_name)]
                while node != start:
                    node, via = previous[node]
                    path.append((node, via))
                return path[::-1]
            if target not in previous:
                previous[target] = (node, link_name)
                queue.append(target)
    raise AssertionError(f"{start} lies on no cycle")  # unreachable: start's component is a cycle


def _back_links(
    graph: dict[str, list[tuple[str, str]]], start: str, members: set[str]
) -> list[tuple[str, str, str]]:
    """Links (source, target, link) that point back along a depth-first walk inside ``members``.

    Removing every such link leaves no cycle (a walk without back links is a
    graph without cycles); iterative, so any size fits.
    """
    back: list[tuple[str, str, str]] = []
    state: dict[str, int] = {}  # 1: on the walk's path, 2: done
    for root in sorted(members):
        if root in state:
            continue
        state[root] = 1
        work = [(root, iter(sorted(e for e in graph[root] if e[0] in members)))]
        while work:
            node, edges = work[-1]
            for target, link in edges:
                if state.get(target) == 1:
                    back.append((node, target, link))
                elif target not in state:
                    state[target] = 1
                    work.append((target, iter(sorted(e for e in graph[target] if e[0] in members))))
                    break
            else:
                state[node] = 2
                work.pop()
    return sorted(back)


def _some(names: list[str]) -> str:
    more = len(names) - _CYCLE_SHOWN
    return ", ".join(names[:_CYCLE_SHOWN]) + (f" en {more} andere" if more > 0 else "")


def _tangle_finding(
    programme: Programme, start: str, members: set[str], graph: dict[str, list[tuple[str, str]]]
) -> Problem:
    ids = sorted(members)
    shown = _some(ids)
    example = " → ".join([node for node, _ in _cycle_path(graph, start, members)] + [start])
    breaks = _back_links(graph, start, members)
    named = [f"':{link}: {target}' bij {source}" for source, target, link in breaks]
    listed = _some(named)
    return Problem(
        programme.items[start],
        f"de ketenkoppelingen vormen meer dan één kring door dezelfde {len(ids)} items: {shown} "
        f"(bijvoorbeeld {example}).",
        f"haal deze {len(breaks)} {'koppeling' if len(breaks) == 1 else 'koppelingen'} weg, dan is er geen "
        f"kring meer: {listed}; of laat de keten op een andere manier één kant op lopen.",
    )


def _cycle_finding(programme: Programme, path: list[tuple[str, str]]) -> Problem:
    ids = [node for node, _ in path] + [path[0][0]]
    if len(ids) > _CYCLE_SHOWN:
        shown = " → ".join(ids[: _CYCLE_SHOWN - 2]) + " → … → " + " → ".join(ids[-2:])
    else:
        shown = " → ".join(ids)
    last, last_link = path[-1]
    return Problem(
        programme.items[path[0][0]],
        f"de ketenkoppelingen vormen een kring van {len(path)} "
        f"{'item' if len(path) == 1 else 'items'}: {shown}.",
        f"haal een koppeling uit de kring weg, bijvoorbeeld ':{last_link}: {path[0][0]}' bij {last}, "
        "zodat de keten één kant op loopt.",
    )
