<?php
return [
    'hawzu_token' => '3VsAJdrAPH1AZPq17jF6OQrNYcVE',
    'hawzu_url' => 'https://api.hawzu.com',
];
