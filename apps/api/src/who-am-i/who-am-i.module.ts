import { Module } from '@nestjs/common';
import { WhoAmIHttpController } from './who-am-i.http.controller';

@Module({ controllers: [WhoAmIHttpController] })
export class WhoAmIModule {}
