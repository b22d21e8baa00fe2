<?php
// Nested array indexes name the key.
$config['hawzu']['token'] = 'SsHPvk0cggNwGOGsvsoraVjMuew0041HswW5';
$settings["hawzu"]["api"]["api_key"] = "ivYVYZ0SHbuGXI3iFR5KPpDrhyGOJ72QG4R8";
