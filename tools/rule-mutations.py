#!/usr/bin/env python3
"""Removes each business rule of the domain in turn and checks that some test then fails.

For every statement that reports a violation or throws a rule's exception in the aggregates, and
for the value checks and the placement of overlapping dates named below, the script compiles a copy of the source without that
statement, runs the domain's tests against it, and reports whether a test failed ("killed").
A rule whose removal no test notices ("survived") is a rule without a real test.

Usage (from the project root, after `./mvnw -B -q -pl registry-core test-compile
dependency:build-classpath -Dmdep.outputFile=/tmp/core-cp.txt -Dmdep.includeScope=test`):

    python3 tools/rule-mutations.py /tmp/core-cp.txt path/to/junit-platform-console-standalone.jar
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

CORE = "registry-core/src/main/java/nl/partnershipregistry/core"
STATEMENT_FILES = [
    CORE + "/partnership/PartnershipPolicies.java",
    CORE + "/partnership/Breaches.java",
    CORE + "/partnership/Partnership.java",
    CORE + "/organisation/Organisation.java",
]
STATEMENT_START = re.compile(r"^\s*(report\(|out\.report\(|problems\.add\(|throw new )")
VALUE_RULES = [
    (CORE + "/common/Require.java", "if (value.signum() < 0) {", "if (false) {"),
    (CORE + "/common/Quantity.java", 'Require.present(unit, "quantity.unit");', ""),
    (CORE + "/partnership/command/DiscontinuePartnership.java", 'Require.present(reason, "reason");', ""),
    (CORE + "/common/DateRange.java", "if (until != null && until.latest().isBefore(from.earliest())) {", "if (false) {"),
    (CORE + "/partnership/Partnership.java",
     "history.recorded(factId).orElseThrow(() -> new UnknownFact(factId, partnershipId));",
     "history.recorded(factId).orElse(null);"),
    # A fact is out of order only when it is so under every reading of the dates (decision 15).
    (CORE + "/partnership/PartnershipHistory.java",
     "return List.copyOf(Placement.place(entries.stream().map(Entry::fact).toList()));",
     "return entries.stream().map(Entry::fact).toList();"),
    (CORE + "/partnership/PartnershipHistory.java",
     ".thenComparing(e -> e.fact().occurredOn().precision(), Comparator.reverseOrder())", ""),
    (CORE + "/partnership/Placement.java", "if (provider >= 0) {", "if (false) {"),
    (CORE + "/partnership/Placement.java",
     "if (!stillNeeding.isEmpty() && !waiting.containsKey(index)) {", "if (false) {"),
    (CORE + "/partnership/Placement.java",
     "if (!stillNeeding.isEmpty() && !waiting.containsKey(index)) {",
     "if (!stillNeeding.isEmpty()) {"),
    (CORE + "/partnership/Placement.java",
     "Integer end = heldEndBringingAbout(need);", "Integer end = null;"),
    # Circa and bounded dates (decision 52): a fact may follow a fact that may precede it under
    # some reading, a chain waits with it, and a bound counts from the day it certainly happened.
    (CORE + "/partnership/Placement.java",
     "if (waitingProvider != Integer.MAX_VALUE) {", "if (false) {"),
    (CORE + "/partnership/Placement.java",
     "return !before.earliest().isAfter(date.latest());",
     "return !before.countsFrom().isAfter(date.latest());"),
    (CORE + "/common/FactDate.java", "case NO_LATER_THAN -> lastDay();", "case NO_LATER_THAN -> date;"),
    (CORE + "/common/FactDate.java", "case NO_LATER_THAN -> FIRST_DAY;", "case NO_LATER_THAN -> date;"),
    # A fact that breaks a rule does not take effect for the facts after it (decision 49).
    (CORE + "/partnership/HistoryCheck.java", "if (breaches.noneForCurrent()) {", "if (true) {"),
    # The table of fact kinds: a same-day rank, a fact that may follow a discontinuation, a need.
    (CORE + "/partnership/FactKinds.java",
     "PartnershipDiscontinued.class,\n        9,", "PartnershipDiscontinued.class,\n        2,"),
    (CORE + "/partnership/FactKinds.java",
     "kind(EvaluationRecorded.class, 6, true,", "kind(EvaluationRecorded.class, 6, false,"),
    (CORE + "/partnership/FactKinds.java",
     "(f, c) -> List.of(partner(f.organisationId(), true)),\n        f -> List.of(partner(f.organisationId(), false)),",
     "(f, c) -> List.of(),\n        f -> List.of(partner(f.organisationId(), false)),"),
]


def statement_end(lines, start):
    depth = 0
    for i in range(start, len(lines)):
        for ch in lines[i]:
            depth += ch == "("
            depth -= ch == ")"
        if depth <= 0 and lines[i].rstrip().endswith(";"):
            return i
    raise ValueError("no end of statement from line %d" % (start + 1))


def mutants():
    for path in STATEMENT_FILES:
        lines = open(path).read().split("\n")
        for number, line in enumerate(lines):
            if STATEMENT_START.match(line):
                end = statement_end(lines, number)
                mutated = lines[:number] + ["{}"] + lines[end + 1:]
                label = "%s:%d %s" % (os.path.basename(path), number + 1, line.strip()[:70])
                yield label, path, "\n".join(mutated)
    for path, old, new in VALUE_RULES:
        source = open(path).read()
        if old not in source:
            raise SystemExit("value rule not found in %s: %s" % (path, old))
        yield "%s %s" % (os.path.basename(path), old[:70]), path, source.replace(old, new, 1)


def main(classpath_file, console_jar):
    dependencies = open(classpath_file).read().strip()
    classes = os.path.abspath("registry-core/target/classes")
    tests = os.path.abspath("registry-core/target/test-classes")
    killed, survived, unviable = [], [], []
    for label, path, source in mutants():
        work = tempfile.mkdtemp()
        try:
            copy = os.path.join(work, os.path.basename(path))
            open(copy, "w").write(source)
            out = os.path.join(work, "classes")
            compiled = subprocess.run(
                ["javac", "-nowarn", "-d", out, "-cp", classes + ":" + dependencies, copy],
                capture_output=True)
            if compiled.returncode != 0:
                unviable.append(label)
                continue
            run = subprocess.run(
                ["java", "-jar", console_jar, "execute", "--disable-banner", "--details=none",
                 "--class-path", ":".join([out, tests, classes, dependencies]),
                 "--select-package", "nl.partnershipregistry.core"],
                capture_output=True, cwd="registry-core")
            if run.returncode not in (0, 1):
                raise SystemExit("the test run itself failed:\n" + run.stdout.decode()[-2000:])
            (killed if run.returncode == 1 else survived).append(label)
            print(("killed   " if run.returncode == 1 else "SURVIVED ") + label, flush=True)
        finally:
            shutil.rmtree(work)
    print("\n%d rules removed: %d noticed by a test, %d not noticed, %d did not compile"
          % (len(killed) + len(survived), len(killed), len(survived), len(unviable)))
    for label in unviable:
        print("did not compile: " + label)
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
