"""`make bench SIZES=... ONLY=...`: which data sets are built and which scenarios measured."""

from bench.report import FLOOR
from bench.run import chosen, options
from bench.scenarios import scenarios

FACTS = {"theme": "verkeer", "idea_50_comments": 1, "round": "zomer", "vote_ideas": [2]}


def test_without_options_both_sizes_are_built_and_every_scenario_measured():
    args = options([])
    assert [sizes["ideas"] for sizes in args.size_list] == [10_000, 100_000]
    assert args.size_list[1] == {
        "ideas": 100_000,
        "votes": 1_000_000,
        "comments": 300_000,
        "users": 50_000,
    }
    every = scenarios(FACTS)
    assert chosen(every, args.only) == every
    assert [sizes["ideas"] for sizes in options(["--quick"]).size_list] == [10_000]


def test_sizes_and_only_pick_data_sets_and_scenarios_by_name_with_the_floor():
    args = options(["--sizes", "100000", "--only", "api, Search,round"])
    assert args.size_list == [
        {"ideas": 100_000, "votes": 1_000_000, "comments": 300_000, "users": 50_000}
    ]
    names = [scenario.name for scenario in chosen(scenarios(FACTS), args.only)]
    assert names[0] == FLOOR
    assert names[1:] == [
        "round page",
        "round idea list, page 50",
        "API: ideas, page of 50",
        "API: one idea",
        "search: common word",
        "search: rare word",
    ]
