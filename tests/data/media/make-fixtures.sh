#!/usr/bin/env bash
# Makes the media fixtures of tests/unit/media (README.md lists these commands). Needs Debian's ffmpeg and
# libjpeg-turbo-progs (jpegtran: ffmpeg's JPEG encoder writes baseline frames only). Run from this folder.
set -euo pipefail
img="testsrc=size=37x23:rate=1"
vid="testsrc=size=40x24:rate=30000/1001"
ff() { ffmpeg -y -v error "$@"; }

ff -f lavfi -i "$img" -frames:v 1 baseline.jpg
jpegtran -progressive -outfile progressive.jpg baseline.jpg
# An APP1 Exif segment of the largest length (65535) right after SOI, so SOF lies past the first 64 KiB:
# "Exif\0\0", a big-endian TIFF header, IFD0 with one entry (Orientation, SHORT, 6 = rotate 90° clockwise to
# show), no next IFD, then zeros up to the segment's end.
{
  head -c 2 baseline.jpg
  printf '\377\341\377\377Exif\000\000MM\000\052\000\000\000\010\000\001\001\022\000\003\000\000\000\001\000\006\000\000\000\000\000\000'
  head -c 65501 /dev/zero
  tail -c +3 baseline.jpg
} >exif-orientation-6.jpg
ff -f lavfi -i "$img" -frames:v 1 image.png
ff -f lavfi -i "$img" -frames:v 1 image.gif
ff -f lavfi -i "$img" -frames:v 1 image.bmp
ff -f lavfi -i "$img" -frames:v 1 image.tiff
ff -f lavfi -i "$img" -frames:v 1 -c:v libwebp -lossless 0 lossy.webp
ff -f lavfi -i "$img" -frames:v 1 -c:v libwebp -lossless 1 lossless.webp
ff -f lavfi -i "testsrc=size=37x23:rate=5" -frames:v 2 -c:v libwebp_anim -loop 0 animated.webp

x264=(-c:v libx264 -preset ultrafast -crf 40 -pix_fmt yuv420p)
ff -f lavfi -i "$vid" -frames:v 10 "${x264[@]}" -movflags +faststart faststart.mp4
ff -f lavfi -i "$vid" -frames:v 10 "${x264[@]}" moov-at-end.mp4
ff -f lavfi -i "testsrc=size=40x24:rate=25" -frames:v 10 -c:v mpeg4 -q:v 20 clip.mov
ff -f lavfi -i "$vid" -frames:v 10 "${x264[@]}" -movflags +frag_keyframe+empty_moov fragmented.mp4
