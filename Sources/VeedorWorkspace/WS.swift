// ws
