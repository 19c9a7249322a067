import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';

@Entity({ name: 'users' })
@Index('users_email_key', ['email'], { unique: true })
@ObjectType({ description: 'A person who signs in to Flare. One user can belong to several workspaces.' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier of the user.' })
  id!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Sign-in email address, stored lower-case.' })
  email!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Display name.' })
  name!: string;

  /** argon2id hash; never exposed. */
  @Column({ type: 'text' })
  passwordHash!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When the user was created.' })
  createdAt!: Date;
}
