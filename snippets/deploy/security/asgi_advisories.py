"""Django's 2026 ASGI security advisories, and the first release of each series that fixes them.

From the Django source distribution: docs/releases/security.txt (the series each fix was released for) and
docs/releases/<version>.txt (the release that contains it).
"""

FIXED_IN = {  # CVE -> {series: first release of that series with the fix}
    "CVE-2025-14550": {(4, 2): (4, 2, 28), (5, 2): (5, 2, 11), (6, 0): (6, 0, 2)},
    "CVE-2026-3902": {(4, 2): (4, 2, 30), (5, 2): (5, 2, 13), (6, 0): (6, 0, 4)},
    "CVE-2026-33034": {(4, 2): (4, 2, 30), (5, 2): (5, 2, 13), (6, 0): (6, 0, 4)},
    "CVE-2026-5766": {(5, 2): (5, 2, 14), (6, 0): (6, 0, 5)},
}
# 6.1.0 came out on August 5, 2026, from the main branch, which had received all four fixes (the last on May 5).
FIRST_SERIES_WITH_ALL_FIXES = (6, 1)


def status(cve, version):
    """'not affected' or 'affected: …' for a Django version tuple such as django.VERSION."""
    series, release = tuple(version[:2]), tuple(version[:3])
    if series >= FIRST_SERIES_WITH_ALL_FIXES:
        return "not affected"
    if series < (3, 0):
        return "not affected (no ASGI handler before 3.0)"
    fixed = FIXED_IN[cve].get(series)
    if fixed is None:
        return f"affected: no fix released for {series[0]}.{series[1]}, upgrade to a supported series"
    if release >= fixed:
        return "not affected"
    return "affected: upgrade to {}.{}.{}".format(*fixed)
