const express = require('express');

const app = express();
app.get('/health', (req, res) => res.send('ok'));
app.get('/', (req, res) => res.send('hello from the drydock example'));
app.listen(3000, () => console.log('listening on 3000'));
