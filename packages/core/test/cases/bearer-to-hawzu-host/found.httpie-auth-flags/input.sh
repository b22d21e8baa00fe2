#!/bin/sh
http -A bearer -a Plbkog0XH88JSXzxPAtOGnF3OhsqLyUN9R2PBk https://api.hawzu.com/api/v1/me
http --auth-type=bearer --auth=HNN20nB89iGPmIZIpr1nF8s0J5CFFZ547HC04h POST https://api.hawzu.com/api/v1/runs name=nightly
