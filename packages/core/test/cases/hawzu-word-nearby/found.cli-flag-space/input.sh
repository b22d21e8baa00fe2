npx hawzu-cli login --token j9COQasgao39i3mHSMaodIERilSBJqqHpCCF
hawzu-upload --workspace ws_001 --api-key "NY26AGPpdKwZqQJLh5Jeu24LDGzxCrGO" results/*.xml
