#!/bin/sh
netlify env:set HAWZU_TOKEN batCsfAmvOs0AuoCjv1eH7BE3GYQJ2JINRaKoi
security add-generic-password -s hawzu -a ci -w 0ARMkHuvshcTrxNBQzY8FgFjd62wJ7YpeLwcpr
