#!/usr/bin/env bash
# Side-by-side benchmark: chiso and Hugo build the same synthetic observations.
#
#   bench/run.sh [province|mid|national] [RUNS] [WORKDIR]
#
# 1. ../shared/bench/synth/synth.py writes the dataset (seed 1, deterministic);
# 2. bench/synthconv converts it into a chiso site, ../shared/bench/hugo-baseline/tohugo.py
#    into a Hugo site;
# 3. after one warm-up each, RUNS builds of each tool run interleaved (chiso, hugo, chiso, …)
#    under GNU time; the medians and their ratios are printed, with output bytes and files.
#    chiso keeps its share cards in a cache between builds (as Hugo keeps processed images in
#    resources/_gen), so each round also times one chiso build with that cache emptied first:
#    the "cold" row is what a CI machine without a kept cache sees. The "lean" row builds a
#    copy of the site whose config.toml adds the README's [publish] choices (English twins
#    for articles only, share cards for articles only, no embeds), with the card cache warm.
#
# Needs python3, hugo (Debian: apt-get install hugo time) and GNU time. Run by hand: it is a
# benchmark, not a test, and takes minutes at national scale. The machine is shared, so read
# the ratios, not the absolute times.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$repo/../shared/bench}
scale=${1:-province}
runs=${2:-3}
work=${3:-/tmp/chiso-bench}

case "$scale" in
  province) args=(--provinces 1 --units-per-province 180 --months 36) ;;
  mid) args=(--provinces 10 --units-per-province 180 --months 60) ;;
  national) args=(--provinces 63 --units-per-province 180 --months 60) ;;
  *) echo "unknown scale: $scale (province|mid|national)" >&2; exit 2 ;;
esac
for tool in python3 hugo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install hugo time python3)" >&2; exit 2; }
done

mkdir -p "$work"
data="$work/synth-$scale"
[ -f "$data/manifest.json" ] || python3 "$shared/synth/synth.py" "${args[@]}" --seed 1 --out "$data"
( cd "$repo" && go build -o "$work/chiso" . && go run ./bench/synthconv -in "$data" -out "$work/chiso-$scale" -templates templates )
python3 "$shared/hugo-baseline/tohugo.py" "$data" "$work/hugo-$scale" >/dev/null
rm -rf "$work/chiso-$scale-lean" && cp -r "$work/chiso-$scale" "$work/chiso-$scale-lean"
printf '\n[publish]\nenglish = "articles"\nshare_cards = "articles"\nembeds = false\n' >> "$work/chiso-$scale-lean/config.toml"

chiso_cmd=("$work/chiso" build --source "$work/chiso-$scale" --out "$work/chiso-out" --cache-dir "$work/cache")
lean_cmd=("$work/chiso" build --source "$work/chiso-$scale-lean" --out "$work/lean-out" --cache-dir "$work/cache")
hugo_cmd=(hugo --quiet --minify=false --source "$work/hugo-$scale" -d "$work/hugo-out")
"${chiso_cmd[@]}" >/dev/null   # warm-up; also fills the output folders
"${hugo_cmd[@]}"

: > "$work/times-chiso"; : > "$work/times-hugo"; : > "$work/times-cold"; : > "$work/times-lean"
for _ in $(seq "$runs"); do
  rm -rf "$work/cache"
  /usr/bin/time -a -o "$work/times-cold" -f "%e %M" "${chiso_cmd[@]}" >/dev/null
  /usr/bin/time -a -o "$work/times-chiso" -f "%e %M" "${chiso_cmd[@]}" >/dev/null
  /usr/bin/time -a -o "$work/times-lean" -f "%e %M" "${lean_cmd[@]}" >/dev/null
  /usr/bin/time -a -o "$work/times-hugo" -f "%e %M" "${hugo_cmd[@]}"
done
/usr/bin/time -o "$work/times-check" -f "%e %M" "$work/chiso" check --source "$work/chiso-$scale" >/dev/null

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
col() { awk -v c="$2" '{print $c}' "$1" | median; }
bytes() { find "$1" -type f -printf '%s\n' | awk '{s += $1} END {print s+0}'; }
files() { find "$1" -type f | wc -l; }

cw=$(col "$work/times-chiso" 1); cm=$(col "$work/times-chiso" 2)
hw=$(col "$work/times-hugo" 1); hm=$(col "$work/times-hugo" 2)
kw=$(col "$work/times-check" 1)
kcw=$(col "$work/times-cold" 1); kcm=$(col "$work/times-cold" 2)
lw=$(col "$work/times-lean" 1); lm=$(col "$work/times-lean" 2)
cb=$(bytes "$work/chiso-out"); hb=$(bytes "$work/hugo-out"); lb=$(bytes "$work/lean-out")
echo "scale $scale, $runs interleaved runs, medians"
printf '%-8s %10s %12s %14s %8s\n' tool "wall s" "peak MiB" "output bytes" files
printf '%-8s %10s %12.1f %14s %8s\n' chiso "$cw" "$(awk -v k="$cm" 'BEGIN {print k/1024}')" "$cb" "$(files "$work/chiso-out")"
printf '%-8s %10s %12.1f %14s %8s\n' "cold" "$kcw" "$(awk -v k="$kcm" 'BEGIN {print k/1024}')" "" ""
printf '%-8s %10s %12.1f %14s %8s\n' "lean" "$lw" "$(awk -v k="$lm" 'BEGIN {print k/1024}')" "$lb" "$(files "$work/lean-out")"
printf '%-8s %10s %12.1f %14s %8s\n' hugo "$hw" "$(awk -v k="$hm" 'BEGIN {print k/1024}')" "$hb" "$(files "$work/hugo-out")"
awk -v lw="$lw" -v lb="$lb" -v kcw="$kcw" -v cw="$cw" -v hw="$hw" -v cm="$cm" -v hm="$hm" -v cb="$cb" -v hb="$hb" -v kw="$kw" 'BEGIN {
  printf "ratios chiso/hugo: wall %.2f×, peak memory %.2f×, output %.1f×\n", cw/hw, cm/hm, cb/hb
  printf "chiso with an empty card cache: wall %.2f×\n", kcw/hw
  printf "chiso lean ([publish], warm cache): wall %.2f×, output %.1f×\n", lw/hw, lb/hb
  printf "chiso check: %.2f s, %.0f %% of a build\n", kw, 100*kw/cw }'
